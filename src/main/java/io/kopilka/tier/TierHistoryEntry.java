package io.kopilka.tier;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of a member's level.
 *
 * @param note       the admin's own words for an assignment; null otherwise
 * @param actor      who did it: an API key ({@code key:<id>}), or {@code system} for automatic changes
 * @param purchaseId the purchase that crossed the threshold, for an upgrade at a purchase
 */
public record TierHistoryEntry(UUID id, String fromCode, String toCode, ChangeReason reason, String note,
                               String actor, UUID purchaseId, Instant at) {
}
