package io.kopilka.program.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.kopilka.program.ExpiryPolicy;
import io.kopilka.program.Program;
import java.math.BigDecimal;
import java.util.List;

/**
 * The program as JSON, in docs/api.md's shape. Money as strings; on the way in a missing field takes its
 * default, so {@code PUT {"welcomePoints": 100}} is a whole, valid program.
 */
public record ProgramDocument(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal pointValue, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maxRedeemShare, Long minRedeemPoints,
                              Integer pendingDays, Expiry expiry, List<Integer> expiryReminderDays,
                              Long welcomePoints, Long birthdayPoints, Referral referral, Integer maxBackdateDays,
                              Long version) {

    public record Expiry(String mode, Integer months) {
    }

    public record Referral(Long referrerPoints, Long refereePoints, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal qualifyingSpend) {
    }

    public static ProgramDocument of(Program p) {
        return new ProgramDocument(p.pointValue(), p.maxRedeemShare(), p.minRedeemPoints(), p.pendingDays(),
                new Expiry(p.expiry().mode().code(), p.expiry().mode() == ExpiryPolicy.Mode.NONE ? null : p.expiry().months()),
                p.expiryReminderDays(), p.welcomePoints(), p.birthdayPoints(),
                new Referral(p.referral().referrerPoints(), p.referral().refereePoints(), p.referral().qualifyingSpend()),
                p.maxBackdateDays(), p.version());
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
                    or(referral.qualifyingSpend(), BigDecimal.ZERO));
        }
        return new Program(version, or(pointValue, d.pointValue()), or(maxRedeemShare, d.maxRedeemShare()),
                or(minRedeemPoints, d.minRedeemPoints()), or(pendingDays, d.pendingDays()), expiryPolicy,
                or(expiryReminderDays, d.expiryReminderDays()), or(welcomePoints, d.welcomePoints()),
                or(birthdayPoints, d.birthdayPoints()), ref, or(maxBackdateDays, d.maxBackdateDays()));
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
