package io.kopilka.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void backsOffThenStopsAtTwentyFourHours() {
        List<Duration> gaps = new ArrayList<>();
        Instant now = T0;
        int attempts = 1;
        Optional<Instant> next;
        while ((next = RetrySchedule.next(attempts, T0, now)).isPresent()) {
            gaps.add(Duration.between(now, next.get()));
            now = next.get();
            attempts++;
        }
        assertThat(gaps).startsWith(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10));
        assertThat(now).as("the last attempt is at the 24-hour mark").isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(attempts).isEqualTo(8);
    }

    @Property
    void neverPastTheWindowAndAlwaysLater(@ForAll @IntRange(min = 1, max = 50) int attempts,
                                          @ForAll @LongRange(min = 0, max = 200_000) long secondsSinceFirst) {
        Instant now = T0.plusSeconds(secondsSinceFirst);
        Optional<Instant> next = RetrySchedule.next(attempts, T0, now);
        if (secondsSinceFirst >= Duration.ofHours(24).toSeconds()) {
            assertThat(next).isEmpty();
        } else {
            assertThat(next).hasValueSatisfying(n -> {
                assertThat(n).isAfter(now);
                assertThat(n).isBeforeOrEqualTo(T0.plus(RetrySchedule.WINDOW));
            });
        }
    }

    @Test
    void givesUpOnASubscriptionAfterADayOfFailures() {
        assertThat(RetrySchedule.givesUp(T0, T0.plus(Duration.ofHours(23)))).isFalse();
        assertThat(RetrySchedule.givesUp(T0, T0.plus(Duration.ofHours(24)))).isTrue();
    }
}
