package io.kopilka.reward;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.Names;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * A member got a coupon: bought with points, or given by a rule, a challenge, a birthday, staff...
 * Published inside the transaction that wrote it, so it exists if and only if the coupon does.
 *
 * @param code      as members read it ({@code XXXX-XXXX-XXXX})
 * @param name      the reward's name as the coupon keeps it, in three languages
 * @param expiresAt null: it does not expire
 * @param purchase  the purchase whose rule issued it; null otherwise
 */
public record CouponIssued(TenantId tenant, MemberId member, UUID couponId, String code, UUID rewardId, Names name,
                           CouponSource source, Instant expiresAt, PurchaseId purchase, Instant at) {
}
