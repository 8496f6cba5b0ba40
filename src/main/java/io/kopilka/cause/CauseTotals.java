package io.kopilka.cause;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What has been given to a cause, in points, and what that makes in its units. Whole units only:
 * 499 points of a 500-point tree are no tree yet, and count once the next points complete it.
 */
public final class CauseTotals {
    private CauseTotals() {
    }

    /** The whole units {@code totalPoints} make, floored; never below 0. */
    public static long units(long totalPoints, long pointsPerUnit) {
        return Math.max(0, Math.floorDiv(totalPoints, pointsPerUnit));
    }

    /**
     * The units reached over the goal, as a decimal with two places, rounded down so that a cause
     * one tree short does not read "1.00"; above 1 past the goal; null for a cause without a goal.
     */
    public static String progress(long units, Long goalUnits) {
        if (goalUnits == null) {
            return null;
        }
        return BigDecimal.valueOf(units).divide(BigDecimal.valueOf(goalUnits), 2, RoundingMode.DOWN).toPlainString();
    }

    /**
     * The whole units a gift of {@code points} completes when the cause had {@code before}: 500
     * points always make one 500-point tree, 300 points make one when 200 were waiting for it.
     */
    public static long unitsCompleted(long before, long points, long pointsPerUnit) {
        return units(Math.addExact(before, points), pointsPerUnit) - units(before, pointsPerUnit);
    }
}
