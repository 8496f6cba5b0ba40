package io.kopilka.program.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.kopilka.program.ExpiryPolicy;
import io.kopilka.program.Program;
import java.math.BigDecimal;
import java.util.List;

/**
 * A program as the {@code program.settings} column holds it. It is the storage's own shape, apart
 * from the API's {@code ProgramDocument} so that the API may change without rewriting stored rows;
 * its fields are the ones rows have held since V2 (money as strings), so those rows read as they are.
 * Unlike the API document, nothing here is optional, but for the settings added since: a row
 * written before them lacks the field (null), and reads as their default.
 *
 * @param staffGifts since staff gifts; null in older rows: staff may give nothing
 * @param birthday   since the birthday job; null in older rows: the defaults with {@code birthdayPoints}
 * @param winBack    since win-back; null in older rows: the defaults
 * @param redemptionConfirmationAbove since the till's confirmation; null in older rows: never asked
 */
record StoredProgram(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal pointValue,
                     @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maxRedeemShare, long minRedeemPoints,
                     int pendingDays, Expiry expiry, List<Integer> expiryReminderDays, long welcomePoints,
                     long birthdayPoints, Referral referral, int maxBackdateDays, StaffGifts staffGifts,
                     Birthday birthday, WinBack winBack, Long redemptionConfirmationAbove) {

    record Birthday(long points, String rewardId, int daysBefore, int couponValidDays) {
    }

    record WinBack(int afterDays, long points, String rewardId, int oncePerDays,
                   @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal cadence) {
    }

    record Expiry(String mode, Integer months) {
    }

    /** @param maxRewardsPerReferrerPerMonth since the monthly cap; null in older rows and without a cap */
    record Referral(long referrerPoints, long refereePoints,
                    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal qualifyingSpend,
                    Integer maxRewardsPerReferrerPerMonth) {
    }

    record StaffGifts(long pointsPerKeyPerDay, List<String> rewardIds) {
    }

    static StoredProgram of(Program p) {
        return new StoredProgram(p.pointValue(), p.maxRedeemShare(), p.minRedeemPoints(), p.pendingDays(),
                new Expiry(p.expiry().mode().code(), p.expiry().mode() == ExpiryPolicy.Mode.NONE ? null : p.expiry().months()),
                p.expiryReminderDays(), p.welcomePoints(), p.birthdayPoints(),
                new Referral(p.referral().referrerPoints(), p.referral().refereePoints(), p.referral().qualifyingSpend(),
                        p.referral().maxRewardsPerReferrerPerMonth()),
                p.maxBackdateDays(),
                new StaffGifts(p.staffGifts().pointsPerKeyPerDay(), p.staffGifts().rewardIds()),
                new Birthday(p.birthday().points(), p.birthday().rewardId(), p.birthday().daysBefore(),
                        p.birthday().couponValidDays()),
                new WinBack(p.winBack().afterDays(), p.winBack().points(), p.winBack().rewardId(),
                        p.winBack().oncePerDays(), p.winBack().cadence()), p.redemptionConfirmationAbove());
    }

    Program toProgram(long version) {
        ExpiryPolicy.Mode mode = ExpiryPolicy.Mode.fromCode(expiry.mode())
                .orElseThrow(() -> new IllegalStateException("stored program with expiry mode " + expiry.mode()));
        return new Program(version, pointValue, maxRedeemShare, minRedeemPoints, pendingDays,
                new ExpiryPolicy(mode, mode == ExpiryPolicy.Mode.NONE || expiry.months() == null ? 0 : expiry.months()),
                expiryReminderDays, welcomePoints, birthdayPoints,
                new Program.Referral(referral.referrerPoints(), referral.refereePoints(), referral.qualifyingSpend(),
                        referral.maxRewardsPerReferrerPerMonth()),
                maxBackdateDays, staffGifts == null ? Program.StaffGifts.NONE
                        : new Program.StaffGifts(staffGifts.pointsPerKeyPerDay(),
                        staffGifts.rewardIds() == null ? List.of() : staffGifts.rewardIds()),
                birthday == null ? null : new Program.Birthday(birthday.points(), birthday.rewardId(),
                        birthday.daysBefore(), birthday.couponValidDays()),
                winBack == null ? null : new Program.WinBack(winBack.afterDays(), winBack.points(),
                        winBack.rewardId(), winBack.oncePerDays(), winBack.cadence()),
                redemptionConfirmationAbove == null ? 0 : redemptionConfirmationAbove);
    }
}
