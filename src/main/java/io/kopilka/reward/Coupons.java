package io.kopilka.reward;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    /**
     * Like {@link #issue}, for a coupon valid until {@code validUntil} at the latest (a birthday's is
     * valid two weeks): it expires then, or when the reward's own terms say if that is earlier.
     */
    IssuedCoupon issue(TenantId tenant, MemberId member, String rewardId, CouponSource source, String note,
                       String actor, Instant now, Instant validUntil);

    /**
     * Cancels a coupon another module issued (a challenge's, taken back with a return), in the caller's
     * transaction (propagation MANDATORY), if it is still unused; its stock comes back. Nothing was
     * paid for it, so nothing is refunded.
     *
     * @return whether it was still unused (and is cancelled now); false for a used, expired or unknown one
     */
    boolean cancelIssued(TenantId tenant, String couponId, Instant now);

    /** The coupon of a code as anyone types it (any case, dashes and spaces optional); empty for another tenant's. */
    Optional<Coupon> byCode(TenantId tenant, String code);

    /**
     * A member's coupons, newest first, up to {@code limit} after ({@code beforeIssuedAt}, {@code beforeId}).
     *
     * @param status null: all; an active coupon past its expiry counts as expired
     */
    List<Coupon> ofMember(TenantId tenant, MemberId member, CouponStatus status, Instant beforeIssuedAt,
                          UUID beforeId, int limit, Instant now);

    /**
     * The tenant's active coupons expiring after {@code from} and up to {@code to} (the coupon reminders), in
     * id order after {@code afterId} (null: from the first), at most {@code limit}.
     */
    List<Coupon> expiringBetween(TenantId tenant, Instant from, Instant to, UUID afterId, int limit);

    /**
     * A gift or an experience handed over at the till: the coupon becomes used. 404 for an unknown
     * code; 422 {@code coupon_invalid} with {@code reason} ({@code use_at_checkout} for a discount,
     * {@code wrong_store}, {@code used}, {@code expired}, {@code cancelled}); 409 {@code coupon_used}.
     */
    Coupon handOver(Caller caller, String code, Instant now);

    /**
     * Cancels an unused coupon, audited with {@code reason}; one bought with points gives them back.
     * 404 for an unknown code; 422 {@code coupon_invalid} for one no longer active.
     */
    Coupon cancel(Caller caller, String code, String reason, Instant now);
}
