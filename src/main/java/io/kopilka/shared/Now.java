package io.kopilka.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * "Now" as the database keeps it: PostgreSQL stores microseconds, so an answer built from a
 * nanosecond instant would differ from every later read of the same row.
 */
public final class Now {
    private Now() {
    }

    public static Instant of(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
