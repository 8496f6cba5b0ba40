package io.kopilka.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DeliveryBackOffTest {

    @Test
    void waitsGrowFromThirtySecondsToSixHoursThenStop() {
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(a -> DeliveryBackOff.after(a).orElseThrow()))
                .containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
                        Duration.ofHours(1), Duration.ofHours(6));
        assertThat(DeliveryBackOff.after(DeliveryBackOff.MAX_ATTEMPTS)).isEmpty();
    }

    @Test
    void thereIsNoAttemptZero() {
        assertThatThrownBy(() -> DeliveryBackOff.after(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void eachWaitIsLongerThanTheOneBefore(@ForAll @IntRange(min = 1, max = 4) int attempts) {
        assertThat(DeliveryBackOff.after(attempts + 1).orElseThrow())
                .isGreaterThan(DeliveryBackOff.after(attempts).orElseThrow());
    }

    @Property
    void nothingIsTriedAfterTheLastAttempt(@ForAll @IntRange(min = 6, max = 1000) int attempts) {
        assertThat(DeliveryBackOff.after(attempts)).isEmpty();
    }
}
