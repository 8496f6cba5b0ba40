package io.kopilka.occasion;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;

/**
 * A member got an occasion's gift: {@code occasion} is {@code birthday} or {@code win_back}, {@code period}
 * the year or day it is for. Published inside the gift's transaction, once per member, occasion and period.
 *
 * @param couponCode      as members read it; null when the gift had no coupon
 * @param couponExpiresAt null: no coupon, or one that does not expire
 */
public record OccasionGiftGiven(TenantId tenant, MemberId member, String occasion, String period, long points,
                                String rewardId, String couponCode, Instant couponExpiresAt, Instant at) {
    public static final String BIRTHDAY = "birthday";
    public static final String WIN_BACK = "win_back";
}
