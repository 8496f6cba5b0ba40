package io.kopilka.reward;

import io.kopilka.member.Member;
import io.kopilka.tenant.Caller;
import java.time.Instant;

/** A member buys a reward for points: a coupon for them, the points spent, one taken from the stock, at once or not at all. */
public interface Redemptions {

    /**
     * In the caller's transaction or its own. 404 for a reward the tenant does not have;
     * 409 {@code member_erased}, {@code out_of_stock}, {@code insufficient_points}; 422
     * {@code reward_not_available} with its {@code reason}.
     *
     * @param note for the staff (an experience's wishes); may be null
     */
    Redemption redeem(Caller caller, Member member, String rewardId, String note, Instant now);

    /** @param available the member's points available after, and {@code pending} those not yet */
    record Redemption(Coupon coupon, long pointsSpent, long available, long pending) {
    }
}
