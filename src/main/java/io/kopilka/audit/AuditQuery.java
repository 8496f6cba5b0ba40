package io.kopilka.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which entries to list, newest first. Every filter may be null (no filter).
 *
 * @param since    at or after this instant
 * @param until    before this instant
 * @param beforeAt with {@code beforeId}, the last entry of the previous page (the cursor): only older ones
 */
public record AuditQuery(String objectType, String objectId, String actorId, String action, Instant since,
                         Instant until, Instant beforeAt, UUID beforeId) {
}
