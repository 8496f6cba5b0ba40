package io.kopilka.reward;

import java.time.Instant;

/**
 * A coupon just given to a member.
 *
 * @param code      as the member reads it ("K7M2-9QXD-4T")
 * @param expiresAt null: it does not expire
 */
public record IssuedCoupon(String id, String code, String rewardId, Instant expiresAt) {
}
