package io.kopilka.program;

import java.math.BigDecimal;
import java.util.List;

/**
 * A tenant's program settings: what a point is worth, how much of a check points may pay, when points
 * become available and when they expire, and the bonuses for joining.
 *
 * @param version    increases with every change; a purchase records the version that priced it
 * @param staffGifts what staff may give by hand ({@link StaffGifts#NONE} unless the owner says)
 */
public record Program(long version, BigDecimal pointValue, BigDecimal maxRedeemShare, long minRedeemPoints,
                      int pendingDays, ExpiryPolicy expiry, List<Integer> expiryReminderDays, long welcomePoints,
                      long birthdayPoints, Referral referral, int maxBackdateDays, StaffGifts staffGifts) {

    /** A program whose staff may give nothing (the settings as they were before staff gifts). */
    public Program(long version, BigDecimal pointValue, BigDecimal maxRedeemShare, long minRedeemPoints,
                   int pendingDays, ExpiryPolicy expiry, List<Integer> expiryReminderDays, long welcomePoints,
                   long birthdayPoints, Referral referral, int maxBackdateDays) {
        this(version, pointValue, maxRedeemShare, minRedeemPoints, pendingDays, expiry, expiryReminderDays,
                welcomePoints, birthdayPoints, referral, maxBackdateDays, StaffGifts.NONE);
    }

    public static Program defaults() {
        return new Program(0, new BigDecimal("1.00"), new BigDecimal("0.30"), 0, 0, ExpiryPolicy.NONE,
                List.of(30, 7), 0, 0, new Referral(0, 0, new BigDecimal("0.00")), 30);
    }

    /**
     * What inviting a friend gives: points to both at the friend's first purchase whose payable reaches
     * {@code qualifyingSpend}.
     *
     * @param maxRewardsPerReferrerPerMonth how many friends a month (calendar month, the tenant's time
     *                                      zone) may earn the referrer points; null: no cap
     */
    public record Referral(long referrerPoints, long refereePoints, BigDecimal qualifyingSpend,
                           Integer maxRewardsPerReferrerPerMonth) {
        public static final int MAX_REWARDS_PER_MONTH = 10_000;

        /** A referral without a monthly cap. */
        public Referral(long referrerPoints, long refereePoints, BigDecimal qualifyingSpend) {
            this(referrerPoints, refereePoints, qualifyingSpend, null);
        }

        /** Whether referrals give anything at all: a program that gives no points skips them entirely. */
        public boolean givesPoints() {
            return referrerPoints > 0 || refereePoints > 0;
        }
    }

    /**
     * What a pos key may give by hand: at most {@code pointsPerKeyPerDay} points a calendar day (in
     * the tenant's time zone), gifts and positive adjustments together, and coupons of the rewards
     * {@code rewardIds} names. Admin keys have no limit.
     */
    public record StaffGifts(long pointsPerKeyPerDay, List<String> rewardIds) {
        public static final StaffGifts NONE = new StaffGifts(0, List.of());

        /** Whether a pos key may give a coupon of this reward. */
        public boolean allows(String rewardId) {
            return rewardIds.contains(rewardId);
        }
    }
}
