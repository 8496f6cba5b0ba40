package io.kopilka.program;

import io.kopilka.shared.Points;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The limits of each setting, with a message an owner understands. Pure: returns the problems found. */
public final class ProgramValidation {
    private static final BigDecimal MAX_POINT_VALUE = new BigDecimal("1000000");
    static final int MAX_GIFT_REWARDS = 100;
    static final int MAX_REWARD_ID = 100;

    private ProgramValidation() {
    }

    public record Problem(String field, String message) {
    }

    public static List<Problem> check(Program p) {
        List<Problem> problems = new ArrayList<>();
        if (p.pointValue() == null || p.pointValue().signum() <= 0 || p.pointValue().compareTo(MAX_POINT_VALUE) > 0
                || p.pointValue().scale() > 4) {
            problems.add(new Problem("pointValue", "must be above 0 and at most 1000000, with at most 4 decimals"));
        }
        if (p.maxRedeemShare() == null || p.maxRedeemShare().signum() < 0
                || p.maxRedeemShare().compareTo(BigDecimal.ONE) > 0) {
            problems.add(new Problem("maxRedeemShare", "must be between 0 and 1"));
        }
        if (p.minRedeemPoints() < 0 || p.minRedeemPoints() > Points.MAX) {
            problems.add(new Problem("minRedeemPoints", "must be between 0 and " + Points.MAX));
        }
        if (p.pendingDays() < 0 || p.pendingDays() > 365) {
            problems.add(new Problem("pendingDays", "must be between 0 and 365"));
        }
        if (p.expiry() == null) {
            problems.add(new Problem("expiry.mode", "must be none, after_earn or after_inactivity"));
        } else if (p.expiry().mode() != ExpiryPolicy.Mode.NONE && (p.expiry().months() < 1 || p.expiry().months() > 120)) {
            problems.add(new Problem("expiry.months", "must be between 1 and 120"));
        }
        if (p.expiryReminderDays() == null || p.expiryReminderDays().size() > 5
                || p.expiryReminderDays().stream().anyMatch(d -> d == null || d < 1 || d > 365)) {
            problems.add(new Problem("expiryReminderDays", "must be at most 5 numbers of days between 1 and 365"));
        }
        if (p.welcomePoints() < 0 || p.welcomePoints() > Points.MAX) {
            problems.add(new Problem("welcomePoints", "must be between 0 and " + Points.MAX));
        }
        if (p.birthdayPoints() < 0 || p.birthdayPoints() > Points.MAX) {
            problems.add(new Problem("birthdayPoints", "must be between 0 and " + Points.MAX
                    + " (it is birthday.points too)"));
        }
        if (p.referral() == null || p.referral().referrerPoints() < 0 || p.referral().refereePoints() < 0
                || p.referral().referrerPoints() > Points.MAX || p.referral().refereePoints() > Points.MAX
                || p.referral().qualifyingSpend() == null || p.referral().qualifyingSpend().signum() < 0) {
            problems.add(new Problem("referral", "points and qualifying spend must be 0 or more"));
        }
        Integer cap = p.referral() == null ? null : p.referral().maxRewardsPerReferrerPerMonth();
        if (cap != null && (cap < 1 || cap > Program.Referral.MAX_REWARDS_PER_MONTH)) {
            problems.add(new Problem("referral.maxRewardsPerReferrerPerMonth",
                    "must be between 1 and " + Program.Referral.MAX_REWARDS_PER_MONTH + ", or null for no cap"));
        }
        if (p.maxBackdateDays() < 0 || p.maxBackdateDays() > 365) {
            problems.add(new Problem("maxBackdateDays", "must be between 0 and 365"));
        }
        checkStaffGifts(p.staffGifts(), problems);
        if (p.redemptionConfirmationAbove() < 0 || p.redemptionConfirmationAbove() > Points.MAX) {
            problems.add(new Problem("redemptionConfirmationAbove", "must be between 0 and " + Points.MAX));
        }
        checkBirthday(p.birthday(), problems);
        checkWinBack(p.winBack(), problems);
        return problems;
    }

    private static void checkBirthday(Program.Birthday b, List<Problem> problems) {
        // birthday.points is birthdayPoints, checked above once.
        checkRewardId("birthday.rewardId", b.rewardId(), problems);
        if (b.daysBefore() < 0 || b.daysBefore() > 30) {
            problems.add(new Problem("birthday.daysBefore", "must be between 0 and 30"));
        }
        if (b.couponValidDays() < 1 || b.couponValidDays() > 365) {
            problems.add(new Problem("birthday.couponValidDays", "must be between 1 and 365"));
        }
    }

    private static void checkWinBack(Program.WinBack w, List<Problem> problems) {
        if (w.afterDays() < 1 || w.afterDays() > 3650) {
            problems.add(new Problem("winBack.afterDays", "must be between 1 and 3650"));
        }
        if (w.points() < 0 || w.points() > Points.MAX) {
            problems.add(new Problem("winBack.points", "must be between 0 and " + Points.MAX));
        }
        checkRewardId("winBack.rewardId", w.rewardId(), problems);
        if (w.oncePerDays() < 1 || w.oncePerDays() > 3650) {
            problems.add(new Problem("winBack.oncePerDays", "must be between 1 and 3650"));
        }
        if (w.cadence() != null && (w.cadence().compareTo(BigDecimal.ONE) < 0
                || w.cadence().compareTo(BigDecimal.TEN) > 0 || w.cadence().scale() > 2)) {
            problems.add(new Problem("winBack.cadence", "must be null or between 1 and 10, with at most 2 decimals"));
        }
    }

    private static void checkRewardId(String field, String id, List<Problem> problems) {
        if (id != null && (id.isBlank() || id.length() > MAX_REWARD_ID)) {
            problems.add(new Problem(field, "must be null or a reward's id"));
        }
    }

    private static void checkStaffGifts(Program.StaffGifts gifts, List<Problem> problems) {
        if (gifts == null) {
            problems.add(new Problem("staffGifts", "must be an object"));
            return;
        }
        if (gifts.pointsPerKeyPerDay() < 0 || gifts.pointsPerKeyPerDay() > Points.MAX) {
            problems.add(new Problem("staffGifts.pointsPerKeyPerDay", "must be between 0 and " + Points.MAX));
        }
        List<String> ids = gifts.rewardIds();
        if (ids == null || ids.size() > MAX_GIFT_REWARDS || ids.stream().distinct().count() != ids.size()
                || ids.stream().anyMatch(id -> id == null || id.isBlank() || id.length() > MAX_REWARD_ID)) {
            problems.add(new Problem("staffGifts.rewardIds", "must be at most " + MAX_GIFT_REWARDS
                    + " different reward ids"));
        }
    }
}
