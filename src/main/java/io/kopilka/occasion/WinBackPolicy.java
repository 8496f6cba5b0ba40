package io.kopilka.occasion;

import io.kopilka.program.Program;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * When a member counts as gone, and whether win-back may call them again. Pure.
 *
 * <p>A member is absent after {@code afterDays} without a visit. With a {@code cadence}, a member with
 * at least three visits is absent after cadence × their usual interval instead: (last visit − first
 * visit) / (visits − 1), so a monthly regular is called back after about two months and a twice-a-year
 * customer after about a year (cadence 2). The first visit is the first purchase the ledger recorded an
 * entry for; without one, or with every visit at one instant, {@code afterDays} applies.
 */
public final class WinBackPolicy {
    static final int MIN_VISITS_FOR_CADENCE = 3;
    private static final Duration DAY = Duration.ofDays(1);

    private WinBackPolicy() {
    }

    /** How long the member may stay away before they count as gone. */
    public static Duration absence(Program.WinBack settings, Instant firstVisit, Instant lastVisit, int visits) {
        Duration fixed = Duration.ofDays(settings.afterDays());
        if (settings.cadence() == null || visits < MIN_VISITS_FOR_CADENCE || firstVisit == null
                || !lastVisit.isAfter(firstVisit)) {
            return fixed;
        }
        Duration usual = Duration.between(firstVisit, lastVisit).dividedBy(visits - 1);
        long seconds = new BigDecimal(usual.toSeconds()).multiply(settings.cadence())
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        Duration byCadence = Duration.ofSeconds(seconds);
        return byCadence.compareTo(DAY) < 0 ? DAY : byCadence;
    }

    /** Whether the member counts as gone at {@code now}. */
    public static boolean absent(Program.WinBack settings, Instant firstVisit, Instant lastVisit, int visits,
                                 Instant now) {
        return visits > 0 && !lastVisit.plus(absence(settings, firstVisit, lastVisit, visits)).isAfter(now);
    }

    /** The shortest absence any member may have under these settings: what the job looks past. */
    public static Duration shortestAbsence(Program.WinBack settings) {
        return settings.cadence() == null ? Duration.ofDays(settings.afterDays()) : DAY;
    }

    /** Whether a member last called back at {@code lastGiven} (null: never) may be called back at {@code now}. */
    public static boolean mayGiveAgain(Program.WinBack settings, Instant lastGiven, Instant now) {
        return lastGiven == null || !lastGiven.plus(Duration.ofDays(settings.oncePerDays())).isAfter(now);
    }

    /** Whole days since the last visit. */
    public static long daysSince(Instant lastVisit, Instant now) {
        return Duration.between(lastVisit, now).toDays();
    }
}
