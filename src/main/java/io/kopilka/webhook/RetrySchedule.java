package io.kopilka.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: 5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h, never later than
 * 24 hours after its first attempt; the attempt at (or past) that mark is the last.
 */
public final class RetrySchedule {
    public static final Duration WINDOW = Duration.ofHours(24);
    private static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10));

    private RetrySchedule() {
    }

    /**
     * @param attempts how many attempts were made, the one that just failed included (1 or more)
     * @return when to try again, or empty: failed for good
     */
    public static Optional<Instant> next(int attempts, Instant firstAttempt, Instant now) {
        Instant end = firstAttempt.plus(WINDOW);
        if (!now.isBefore(end)) {
            return Optional.empty();
        }
        Duration delay = DELAYS.get(Math.min(Math.max(attempts, 1), DELAYS.size()) - 1);
        Instant next = now.plus(delay);
        return Optional.of(next.isAfter(end) ? end : next);
    }

    /** Whether a subscription failing since {@code failingSince} has failed long enough to be disabled. */
    public static boolean givesUp(Instant failingSince, Instant now) {
        return !now.isBefore(failingSince.plus(WINDOW));
    }
}
