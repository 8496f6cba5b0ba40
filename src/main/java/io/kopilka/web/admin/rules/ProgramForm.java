package io.kopilka.web.admin.rules;

import io.kopilka.program.ExpiryPolicy;
import io.kopilka.program.Program;
import io.kopilka.program.ProgramValidation;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.error.ApiProblem.FieldError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The program settings as the settings page's form holds them: one text per field, named by the
 * API's path of the setting ("referral.refereePoints"), so the facade's field errors land on them.
 * The share of a check points may pay is shown as a percent (30), which an owner reads faster than 0.30.
 */
final class ProgramForm {
    static final String SHARE_PERCENT = "maxRedeemPercent";
    static final String GIFT_REWARDS = "staffGifts.rewardIds";

    private ProgramForm() {
    }

    static Map<String, String> of(Program p) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("pointValue", plain(p.pointValue()));
        f.put(SHARE_PERCENT, plain(p.maxRedeemShare().multiply(BigDecimal.valueOf(100))));
        f.put("minRedeemPoints", String.valueOf(p.minRedeemPoints()));
        f.put("pendingDays", String.valueOf(p.pendingDays()));
        f.put("expiry.mode", p.expiry().mode().code());
        f.put("expiry.months", p.expiry().mode() == ExpiryPolicy.Mode.NONE ? "12" : String.valueOf(p.expiry().months()));
        f.put("expiryReminderDays", p.expiryReminderDays().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")));
        f.put("welcomePoints", String.valueOf(p.welcomePoints()));
        f.put("birthdayPoints", String.valueOf(p.birthday().points()));
        f.put("birthday.rewardId", nullToEmpty(p.birthday().rewardId()));
        f.put("birthday.daysBefore", String.valueOf(p.birthday().daysBefore()));
        f.put("birthday.couponValidDays", String.valueOf(p.birthday().couponValidDays()));
        f.put("referral.referrerPoints", String.valueOf(p.referral().referrerPoints()));
        f.put("referral.refereePoints", String.valueOf(p.referral().refereePoints()));
        f.put("referral.qualifyingSpend", plain(p.referral().qualifyingSpend()));
        f.put("referral.maxRewardsPerReferrerPerMonth", p.referral().maxRewardsPerReferrerPerMonth() == null ? ""
                : String.valueOf(p.referral().maxRewardsPerReferrerPerMonth()));
        f.put("winBack.afterDays", String.valueOf(p.winBack().afterDays()));
        f.put("winBack.points", String.valueOf(p.winBack().points()));
        f.put("winBack.rewardId", nullToEmpty(p.winBack().rewardId()));
        f.put("winBack.oncePerDays", String.valueOf(p.winBack().oncePerDays()));
        f.put("winBack.cadence", p.winBack().cadence() == null ? "" : plain(p.winBack().cadence()));
        f.put("staffGifts.pointsPerKeyPerDay", String.valueOf(p.staffGifts().pointsPerKeyPerDay()));
        f.put(GIFT_REWARDS, String.join(",", p.staffGifts().rewardIds()));
        f.put("maxBackdateDays", String.valueOf(p.maxBackdateDays()));
        f.put("redemptionConfirmationAbove", String.valueOf(p.redemptionConfirmationAbove()));
        return f;
    }

    /**
     * The program the form describes. A field that is not a number, and every other field the
     * settings' own validation refuses, come back together as one 422, so the form shows them all.
     */
    static Program read(FormValues in, long version) {
        Program d = Program.defaults();
        BigDecimal sharePercent = in.decimal(SHARE_PERCENT);
        BigDecimal share = sharePercent == null ? d.maxRedeemShare()
                : sharePercent.divide(BigDecimal.valueOf(100), Math.max(2, sharePercent.scale() + 2), RoundingMode.UNNECESSARY);
        ExpiryPolicy.Mode mode = ExpiryPolicy.Mode.fromCode(in.text("expiry.mode")).orElse(null);
        Integer months = in.wholeInt("expiry.months");
        ExpiryPolicy expiry = mode == null ? null
                : new ExpiryPolicy(mode, mode == ExpiryPolicy.Mode.NONE ? 0 : months == null ? 0 : months);
        List<Integer> reminders = new ArrayList<>();
        List<String> reminderTexts = in.codes("expiryReminderDays");
        for (String r : reminderTexts == null ? List.<String>of() : reminderTexts) {
            if (!r.matches("\\d{1,6}")) {
                in.error("expiryReminderDays", "must be at most 5 numbers of days between 1 and 365");
                break;
            }
            reminders.add(Integer.parseInt(r));
        }
        long birthdayPoints = or(in.whole("birthdayPoints"), 0L);
        Program.Birthday birthday = new Program.Birthday(birthdayPoints, in.textOrNull("birthday.rewardId"),
                or(in.wholeInt("birthday.daysBefore"), 0), or(in.wholeInt("birthday.couponValidDays"), 14));
        Program.Referral referral = new Program.Referral(or(in.whole("referral.referrerPoints"), 0L),
                or(in.whole("referral.refereePoints"), 0L), or(in.decimal("referral.qualifyingSpend"), BigDecimal.ZERO),
                in.wholeInt("referral.maxRewardsPerReferrerPerMonth"));
        Program.WinBack winBack = new Program.WinBack(or(in.wholeInt("winBack.afterDays"), Program.WinBack.DEFAULT.afterDays()),
                or(in.whole("winBack.points"), 0L), in.textOrNull("winBack.rewardId"),
                or(in.wholeInt("winBack.oncePerDays"), Program.WinBack.DEFAULT.oncePerDays()), in.decimal("winBack.cadence"));
        List<String> giftRewards = in.codes(GIFT_REWARDS);
        Program.StaffGifts gifts = new Program.StaffGifts(or(in.whole("staffGifts.pointsPerKeyPerDay"), 0L),
                giftRewards == null ? List.of() : giftRewards.stream().distinct().toList());
        Program program = new Program(version, or(in.decimal("pointValue"), d.pointValue()), share,
                or(in.whole("minRedeemPoints"), 0L), or(in.wholeInt("pendingDays"), 0), expiry, reminders,
                or(in.whole("welcomePoints"), 0L), birthdayPoints, referral,
                or(in.wholeInt("maxBackdateDays"), d.maxBackdateDays()), gifts, birthday, winBack,
                or(in.whole("redemptionConfirmationAbove"), 0L));
        if (!in.errors().isEmpty()) {
            // The typing errors first; the settings' own checks for the other fields beside them.
            Set<String> typed = in.errors().stream().map(FieldError::field).collect(Collectors.toSet());
            List<FieldError> all = new ArrayList<>(in.errors());
            for (ProgramValidation.Problem p : ProgramValidation.check(program)) {
                if (!typed.contains(field(p.field()))) {
                    all.add(new FieldError(p.field(), p.message()));
                }
            }
            throw new ApiProblem(422, "validation_failed", "The program has invalid settings", all, Map.of());
        }
        return program;
    }

    /** The form's field for a setting the facade names: the share is typed as a percent. */
    static String field(String setting) {
        return switch (setting) {
            case "maxRedeemShare" -> SHARE_PERCENT;
            case "referral" -> "referral.qualifyingSpend";
            case "expiry" -> "expiry.mode";
            case "staffGifts" -> "staffGifts.pointsPerKeyPerDay";
            case "birthday.points" -> "birthdayPoints";
            default -> setting;
        };
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : value.stripTrailingZeros().toPlainString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
