package io.kopilka.reward;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A coupon was used: handed over at a till, or priced into a purchase ({@code purchase}; null for a
 * hand-over). Published inside the transaction that marked it used.
 */
public record CouponUsed(TenantId tenant, MemberId member, UUID couponId, String code, UUID rewardId,
                         PurchaseId purchase, Instant at) {
}
