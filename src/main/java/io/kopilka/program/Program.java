package io.kopilka.program;

import java.math.BigDecimal;
import java.util.List;

/**
 * A tenant's program settings: what a point is worth, how much of a check points may pay, when points
 * become available and when they expire, and the bonuses for joining.
 *
 * @param version    increases with every change; a purchase records the version that priced it
 * @param staffGifts what staff may give by hand ({@link StaffGifts#NONE} unless the owner says)
 * @param redemptionConfirmationAbove a redemption of more points than this needs the member's confirmation at
 *                   the till (the wallet's code or one sent to them); 0: never asked
 */
public record Program(long version, BigDecimal pointValue, BigDecimal maxRedeemShare, long minRedeemPoints,
                      int pendingDays, ExpiryPolicy expiry, List<Integer> expiryReminderDays, long welcomePoints,
                      long birthdayPoints, Referral referral, int maxBackdateDays, StaffGifts staffGifts,
                      Birthday birthday, WinBack winBack, long redemptionConfirmationAbove) {

    /**
     * {@code birthdayPoints} is the older name of {@code birthday.points}: the two are one value. When
     * {@code birthday} is given its points win; without it, the birthday settings are the defaults with
     * {@code birthdayPoints}.
     */
    public Program {
        if (birthday == null) {
            birthday = Birthday.of(birthdayPoints);
        } else {
            birthdayPoints = birthday.points();
        }
        if (winBack == null) {
            winBack = WinBack.DEFAULT;
        }
    }

    /** A program that never asks for a redemption's confirmation (the settings as they were before it). */
    public Program(long version, BigDecimal pointValue, BigDecimal maxRedeemShare, long minRedeemPoints,
                   int pendingDays, ExpiryPolicy expiry, List<Integer> expiryReminderDays, long welcomePoints,
                   long birthdayPoints, Referral referral, int maxBackdateDays, StaffGifts staffGifts,
                   Birthday birthday, WinBack winBack) {
        this(version, pointValue, maxRedeemShare, minRedeemPoints, pendingDays, expiry, expiryReminderDays,
                welcomePoints, birthdayPoints, referral, maxBackdateDays, staffGifts, birthday, winBack, 0);
    }

    /** Whether spending {@code points} at once needs the member's confirmation. */
    public boolean needsConfirmation(long points) {
        return redemptionConfirmationAbove > 0 && points > redemptionConfirmationAbove;
    }

    /** A program with the default birthday (of {@code birthdayPoints}) and win-back settings. */
    public Program(long version, BigDecimal pointValue, BigDecimal maxRedeemShare, long minRedeemPoints,
                   int pendingDays, ExpiryPolicy expiry, List<Integer> expiryReminderDays, long welcomePoints,
                   long birthdayPoints, Referral referral, int maxBackdateDays, StaffGifts staffGifts) {
        this(version, pointValue, maxRedeemShare, minRedeemPoints, pendingDays, expiry, expiryReminderDays,
                welcomePoints, birthdayPoints, referral, maxBackdateDays, staffGifts, null, null);
    }

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
     * The birthday gift: {@code points} and/or a coupon of {@code rewardId} (null: none), given
     * {@code daysBefore} days before the birthday; the coupon is valid {@code couponValidDays} days.
     */
    public record Birthday(long points, String rewardId, int daysBefore, int couponValidDays) {
        public static Birthday of(long points) {
            return new Birthday(points, null, 0, 14);
        }

        /** Whether there is anything to give. */
        public boolean gives() {
            return points > 0 || rewardId != null;
        }
    }

    /**
     * Calling back a member who stopped coming: after {@code afterDays} without a visit, {@code points}
     * and/or a coupon of {@code rewardId}, at most once every {@code oncePerDays}. With {@code cadence}
     * (null: off), a member with at least three visits is absent after cadence × their usual interval
     * between visits instead of {@code afterDays}.
     */
    public record WinBack(int afterDays, long points, String rewardId, int oncePerDays, BigDecimal cadence) {
        public static final WinBack DEFAULT = new WinBack(60, 0, null, 180, null);

        /** Whether there is anything to give. */
        public boolean gives() {
            return points > 0 || rewardId != null;
        }
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
