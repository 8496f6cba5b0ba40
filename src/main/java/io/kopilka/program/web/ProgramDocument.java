package io.kopilka.program.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.kopilka.program.ExpiryPolicy;
import io.kopilka.program.Program;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The program as JSON, in docs/api.md's shape. Money as strings; on the way in a missing field takes its
 * default, so {@code PUT {"welcomePoints": 100}} is a whole, valid program.
 */
@Schema(description = "The program's settings. Answers carry every field; in a request a field left out takes its "
        + "default, and decimals may be strings or numbers")
public record ProgramDocument(@Nullable @Schema(ref = "DecimalInput", description = "What one point is worth in money")
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal pointValue,
                              @Nullable @Schema(ref = "DecimalInput",
                                      description = "The share of a check points may pay, 0 to 1")
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maxRedeemShare,
                              @Nullable Long minRedeemPoints,
                              @Nullable @Schema(description = "Days before earned points become available")
                              Integer pendingDays,
                              @Nullable Expiry expiry,
                              @Nullable @Schema(description = "Days before expiry to remind members, at most 5")
                              List<Integer> expiryReminderDays,
                              @Nullable Long welcomePoints, @Nullable Long birthdayPoints, @Nullable Referral referral,
                              @Nullable @Schema(description = "How far back a purchase's `occurredAt` may be")
                              Integer maxBackdateDays,
                              @Nullable StaffGifts staffGifts,
                              @Nullable Birthday birthday,
                              @Nullable WinBack winBack,
                              @Nullable @Schema(description = "A redemption of more points than this needs the "
                                      + "member's confirmation at the till: the code their wallet shows or one sent "
                                      + "to them; 0 or null: never asked") Long redemptionConfirmationAbove,
                              @Nullable @Schema(accessMode = Schema.AccessMode.READ_ONLY, description = "Goes up by "
                                      + "one with each replacement; ignored in a request") Long version) {

    /** @param months for after_earn and after_inactivity; null for none */
    public record Expiry(@Nullable @Schema(allowableValues = {"none", "after_earn", "after_inactivity"}) String mode,
                         @Nullable Integer months) {
    }

    public record Referral(@Nullable Long referrerPoints, @Nullable Long refereePoints,
                           @Nullable @Schema(ref = "DecimalInput") @JsonFormat(shape = JsonFormat.Shape.STRING)
                           BigDecimal qualifyingSpend,
                           @Nullable @Schema(description = "How many invited friends a month (calendar month, the "
                                   + "tenant's time zone) may earn the referrer points, 1 to 10000; null: no cap")
                           Integer maxRewardsPerReferrerPerMonth) {
    }

    /** What a pos key may give by hand; admin keys have no limit. */
    public record StaffGifts(@Nullable @Schema(description = "Points one pos key may give a calendar day (the "
                                     + "tenant's time zone), gifts and positive adjustments together; 0: none")
                             Long pointsPerKeyPerDay,
                             @Nullable @Schema(description = "Rewards whose coupons a pos key may give, at most 100")
                             List<String> rewardIds) {
    }

    /** The birthday gift; {@code points} is the same value as the older {@code birthdayPoints}. */
    public record Birthday(@Nullable @Schema(description = "Points given; the same as `birthdayPoints`") Long points,
                           @Nullable @Schema(description = "A reward whose coupon is given too; null: none")
                           String rewardId,
                           @Nullable @Schema(description = "Days before the birthday to give it, 0 to 30")
                           Integer daysBefore,
                           @Nullable @Schema(description = "Days the coupon is valid, 1 to 365") Integer couponValidDays) {
    }

    /** Calling back members who stopped coming. */
    public record WinBack(@Nullable @Schema(description = "Days without a visit, 1 to 3650") Integer afterDays,
                          @Nullable @Schema(description = "Points given; 0: none") Long points,
                          @Nullable @Schema(description = "A reward whose coupon is given; null: none") String rewardId,
                          @Nullable @Schema(description = "At most one win-back gift a member in this many days")
                          Integer oncePerDays,
                          @Nullable @Schema(ref = "DecimalInput", description = "With at least three visits, a "
                                  + "member is absent after cadence × their usual interval between visits, instead "
                                  + "of afterDays; null: off") @JsonFormat(shape = JsonFormat.Shape.STRING)
                          BigDecimal cadence) {
    }

    public static ProgramDocument of(Program p) {
        return new ProgramDocument(p.pointValue(), p.maxRedeemShare(), p.minRedeemPoints(), p.pendingDays(),
                new Expiry(p.expiry().mode().code(), p.expiry().mode() == ExpiryPolicy.Mode.NONE ? null : p.expiry().months()),
                p.expiryReminderDays(), p.welcomePoints(), p.birthdayPoints(),
                new Referral(p.referral().referrerPoints(), p.referral().refereePoints(), p.referral().qualifyingSpend(),
                        p.referral().maxRewardsPerReferrerPerMonth()),
                p.maxBackdateDays(),
                new StaffGifts(p.staffGifts().pointsPerKeyPerDay(), p.staffGifts().rewardIds()),
                new Birthday(p.birthday().points(), p.birthday().rewardId(), p.birthday().daysBefore(),
                        p.birthday().couponValidDays()),
                new WinBack(p.winBack().afterDays(), p.winBack().points(), p.winBack().rewardId(),
                        p.winBack().oncePerDays(), p.winBack().cadence()), p.redemptionConfirmationAbove(),
                p.version());
    }

    /** The program this document describes; null for an unknown expiry mode (reported by validation). */
    public Program toProgram(long version) {
        Program d = Program.defaults();
        ExpiryPolicy expiryPolicy = d.expiry();
        if (expiry != null && expiry.mode() != null) {
            expiryPolicy = ExpiryPolicy.Mode.fromCode(expiry.mode())
                    .map(m -> new ExpiryPolicy(m, m == ExpiryPolicy.Mode.NONE ? 0 : or(expiry.months(), 0)))
                    .orElse(null);
        }
        Program.Referral ref = d.referral();
        if (referral != null) {
            ref = new Program.Referral(or(referral.referrerPoints(), 0L), or(referral.refereePoints(), 0L),
                    or(referral.qualifyingSpend(), BigDecimal.ZERO), referral.maxRewardsPerReferrerPerMonth());
        }
        Program.StaffGifts gifts = d.staffGifts();
        if (staffGifts != null) {
            gifts = new Program.StaffGifts(or(staffGifts.pointsPerKeyPerDay(), 0L),
                    or(staffGifts.rewardIds(), List.of()));
        }
        // birthdayPoints is the older name of birthday.points: either sets both, birthday.points first.
        long birthdayGift = birthday != null && birthday.points() != null ? birthday.points()
                : or(birthdayPoints, d.birthdayPoints());
        Program.Birthday bday = Program.Birthday.of(birthdayGift);
        if (birthday != null) {
            bday = new Program.Birthday(birthdayGift, birthday.rewardId(), or(birthday.daysBefore(), 0),
                    or(birthday.couponValidDays(), bday.couponValidDays()));
        }
        Program.WinBack back = d.winBack();
        if (winBack != null) {
            back = new Program.WinBack(or(winBack.afterDays(), back.afterDays()), or(winBack.points(), 0L),
                    winBack.rewardId(), or(winBack.oncePerDays(), back.oncePerDays()), winBack.cadence());
        }
        return new Program(version, or(pointValue, d.pointValue()), or(maxRedeemShare, d.maxRedeemShare()),
                or(minRedeemPoints, d.minRedeemPoints()), or(pendingDays, d.pendingDays()), expiryPolicy,
                or(expiryReminderDays, d.expiryReminderDays()), or(welcomePoints, d.welcomePoints()),
                birthdayGift, ref, or(maxBackdateDays, d.maxBackdateDays()), gifts, bday, back,
                or(redemptionConfirmationAbove, 0L));
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
