package io.kopilka.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a message a channel refused for a while (a gateway down, an SMTP server busy) is tried again:
 * 30 s, 2 min, 10 min, 1 h, 6 h after the first five attempts, then never — about seven hours in all,
 * long enough for an outage to end, short enough that "your points expire tomorrow" is not told late.
 */
public final class DeliveryBackOff {
    /** Attempts a message gets in all; after the last one fails it is {@code failed}. */
    public static final int MAX_ATTEMPTS = 6;
    private static final List<Duration> WAITS = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6));

    private DeliveryBackOff() {
    }

    /**
     * How long to wait after the given attempt (1 for the first) failed; empty when it was the last one.
     */
    public static Optional<Duration> after(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts start at 1: " + attempts);
        }
        return attempts >= MAX_ATTEMPTS ? Optional.empty() : Optional.of(WAITS.get(attempts - 1));
    }
}
