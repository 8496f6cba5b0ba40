package io.kopilka.reward;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;

/**
 * Coupons as other modules give them (staff gifts, challenges, birthdays): a coupon of a reward of
 * the catalog, free of points. Redemption for points is the reward module's own business.
 */
public interface Coupons {

    /**
     * Issues a coupon of {@code rewardId} to the member in the caller's transaction (propagation
     * MANDATORY), taking one from the reward's stock. 404 for a reward the tenant does not have;
     * 409 {@code out_of_stock}; 422 {@code reward_not_available} when it is archived or outside its dates.
     *
     * @param note for the staff, shown with the coupon (an experience's wishes); may be null
     * @param actor who gave it ({@code key:<api key id>}, or "system")
     */
    IssuedCoupon issue(TenantId tenant, MemberId member, String rewardId, CouponSource source, String note,
                       String actor, Instant now);
}
