package io.kopilka.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ReminderDaysTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final LocalTime TEN = LocalTime.of(10, 0);

    @Test
    void theBalanceReminderCountsLocalDays() {
        Instant last = Instant.parse("2026-11-01T18:30:00Z"); // 23:30 on 1 November in Almaty
        assertThat(ReminderDays.balanceDue(Optional.of(last), 30, Instant.parse("2026-11-30T19:00:00Z"), ALMATY))
                .as("00:00 on 1 December in Almaty: 30 local days later").isTrue();
        assertThat(ReminderDays.balanceDue(Optional.of(last), 30, Instant.parse("2026-11-30T18:00:00Z"), ALMATY))
                .as("23:00 on 30 November: 29 days").isFalse();
        assertThat(ReminderDays.balanceDue(Optional.empty(), 30, last, ALMATY)).as("never had one").isTrue();
    }

    @Property
    void dueExactlyFromEveryDaysOn(@ForAll @IntRange(min = 1, max = 365) int everyDays,
                                   @ForAll @IntRange(min = 0, max = 800) int daysLater,
                                   @ForAll @LongRange(min = 0, max = 86_399) long secondOfDay) {
        Instant last = LocalDate.of(2026, 3, 1).atStartOfDay(ALMATY).plusSeconds(secondOfDay).toInstant();
        Instant now = LocalDate.of(2026, 3, 1).plusDays(daysLater).atStartOfDay(ALMATY)
                .plusSeconds(86_399 - secondOfDay).toInstant();
        assertThat(ReminderDays.balanceDue(Optional.of(last), everyDays, now, ALMATY)).isEqualTo(daysLater >= everyDays);
    }

    @Test
    void aCouponIsInTheWindowUntilTheEndOfItsLocalDay() {
        Instant now = Instant.parse("2026-11-25T05:00:00Z"); // 10:00 on 25 November in Almaty
        assertThat(ReminderDays.couponWindowEnd(3, now, ALMATY)).isEqualTo(Instant.parse("2026-11-28T19:00:00Z"));
    }

    @Test
    void aTenantsDayIsDueOnceAfterTen() {
        Instant nine = Instant.parse("2026-11-25T04:59:59Z");
        Instant ten = Instant.parse("2026-11-25T05:00:00Z");
        LocalDate today = LocalDate.of(2026, 11, 25);
        assertThat(ReminderDays.dayDue(Optional.empty(), TEN, nine, ALMATY)).isFalse();
        assertThat(ReminderDays.dayDue(Optional.empty(), TEN, ten, ALMATY)).isTrue();
        assertThat(ReminderDays.dayDue(Optional.of(today.minusDays(3)), TEN, ten, ALMATY)).isTrue();
        assertThat(ReminderDays.dayDue(Optional.of(today), TEN, ten, ALMATY)).isFalse();
    }
}
