package io.kopilka.tier;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import java.time.Instant;

/**
 * A member moved from one level to another, for any reason: a purchase crossed a threshold, an
 * admin assigned a level, the re-evaluation moved them, or their level left the ladder. Published in
 * the transaction that writes the change and its history entry, once per change.
 *
 * @param from     the level's code before; it may no longer be in the ladder ({@link ChangeReason#LEVEL_REMOVED})
 * @param to       the level's code now
 * @param purchase the purchase that crossed the threshold; null unless the reason is a purchase
 */
public record TierChanged(TenantId tenant, MemberId member, String from, String to, ChangeReason reason,
                          PurchaseId purchase, Instant at) {
}
