package io.kopilka.shared;

/**
 * The bounds of a number of points, the same in every module: a purchase, an adjustment, a rule's
 * points, a program's welcome gift. A billion points is far beyond any real program and keeps every
 * sum of them far inside a {@code long} and PostgreSQL's {@code bigint}.
 */
public final class Points {
    /** The most points one purchase, entry, rule or setting may carry. */
    public static final long MAX = 1_000_000_000L;

    private Points() {
    }

    /** Whether {@code points} is a number of points one operation may carry (0 included). */
    public static boolean inRange(long points) {
        return points >= 0 && points <= MAX;
    }

    /** Whether {@code points} may be given or taken by hand: not zero, at most {@link #MAX} either way. */
    public static boolean isAdjustment(long points) {
        return points != 0 && points >= -MAX && points <= MAX;
    }
}
