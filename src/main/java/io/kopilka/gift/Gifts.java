package io.kopilka.gift;

import io.kopilka.member.Member;
import io.kopilka.reward.IssuedCoupon;
import io.kopilka.tenant.Caller;
import java.time.Instant;

/**
 * Gifts staff give members by hand, each written with its audit entry in the caller's transaction
 * or its own. A pos key's points count against its daily limit ({@link GiftLimits}); admin keys
 * have none.
 */
public interface Gifts {

    /**
     * Gives points (ledger entry {@code gift}), expiring as the program says from {@code now}. 409
     * {@code member_erased}; 403 {@code gift_limit_exceeded} for a pos key past its day's limit.
     */
    GivenPoints givePoints(Caller caller, Member member, Gift.PointsGift gift, Instant now);

    /**
     * Issues a coupon with source {@code gift}. 403 {@code gift_not_allowed} for a pos key and a
     * reward the program does not list for gifts; the coupon module's own refusals (404, 409, 422)
     * pass through.
     */
    IssuedCoupon giveCoupon(Caller caller, Member member, Gift.CouponGift gift, Instant now);

    /**
     * Points given.
     *
     * @param expiresAt null: they do not expire
     */
    record GivenPoints(long points, Instant expiresAt) {
    }
}
