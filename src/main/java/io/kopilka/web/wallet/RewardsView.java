package io.kopilka.web.wallet;

import java.util.List;

/**
 * The rewards page: what the member can take now, what is nearly theirs, and their coupons.
 *
 * @param almost the cheapest few the member cannot afford yet, each with the points still missing
 */
record RewardsView(String balance, List<RewardCard> affordable, List<RewardCard> almost, List<CouponCard> coupons) {

    /** @param more "120 баллов" still missing; null when affordable */
    record RewardCard(String id, String name, String description, String cost, long costPoints, String more,
                      boolean outOfStock) {
    }

    /** @param code as members read it, with dashes; {@code until} null for a coupon without expiry */
    record CouponCard(String code, String name, String until) {
    }
}
