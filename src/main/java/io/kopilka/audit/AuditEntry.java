package io.kopilka.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the audit log as it was recorded.
 *
 * @param before the object before the change, as the JSON text the API showed (null when created, or erased)
 * @param after  the object after it, as JSON text (null when deleted, archived or erased)
 */
public record AuditEntry(UUID id, Instant at, Actor actor, String action, String objectType, String objectId,
                         String before, String after, String reason) {

    /**
     * Who made the change.
     *
     * @param type "api_key", "staff", "member" (in their own wallet) or "system"
     * @param id   the key's (or staff member's) id; null for the system
     * @param name the key's name as its owner gave it; null for the system
     */
    public record Actor(String type, String id, String name) {
    }
}
