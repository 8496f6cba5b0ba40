package io.kopilka.referral;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import java.time.Instant;

/**
 * A friend's first qualifying purchase rewarded a referral: {@code referrerPoints} to who invited them,
 * {@code friendPoints} to the friend (either may be 0), both available at
 * {@code availableAt}. Published inside the purchase's transaction.
 */
public record ReferralRewarded(TenantId tenant, MemberId referrer, MemberId friend, long referrerPoints,
                               long friendPoints, PurchaseId purchase, Instant availableAt, Instant at) {
}
