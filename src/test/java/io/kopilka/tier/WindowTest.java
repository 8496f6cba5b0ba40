package io.kopilka.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which activity counts in which window. Asia/Almaty is UTC+5 (since March 2024): 23:30 UTC on
 * 31 December is already 04:30 on 1 January there, and the year began at 19:00 UTC.
 */
class WindowTest {

    private static Window window(String type, int months) {
        return new Window(Window.Type.fromCode(type).orElseThrow(), months);
    }

    @ParameterizedTest(name = "[{index}] {0}({1}) in {2}, now {3}: an activity at {4} counts = {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # type        | months | zone        | now                         | activity at                 | counts
            rolling_months| 12     | Asia/Almaty | 2026-11-22T09:00:00Z        | 2025-11-22T09:00:00Z        | true
            rolling_months| 12     | Asia/Almaty | 2026-11-22T09:00:00Z        | 2025-11-22T08:59:59.999999Z | false
            rolling_months| 12     | Asia/Almaty | 2026-11-22T09:00:00Z        | 2026-11-22T09:00:00Z        | true
            rolling_months| 12     | Asia/Almaty | 2026-11-22T09:00:00Z        | 2026-11-22T09:00:00.000001Z | false
            rolling_months| 12     | Asia/Almaty | 2026-11-22T09:00:00Z        | 2026-03-01T00:00:00Z        | true
            rolling_months| 1      | UTC         | 2026-03-31T10:00:00Z        | 2026-02-28T10:00:00Z        | true
            rolling_months| 1      | UTC         | 2026-03-31T10:00:00Z        | 2026-02-28T09:59:59Z        | false
            rolling_months| 12     | UTC         | 2028-02-29T12:00:00Z        | 2027-02-28T12:00:00Z        | true
            rolling_months| 12     | UTC         | 2028-02-29T12:00:00Z        | 2027-02-28T11:59:59Z        | false
            calendar_year | 0      | Asia/Almaty | 2026-12-31T23:30:00Z        | 2026-12-31T19:00:00Z        | true
            calendar_year | 0      | Asia/Almaty | 2026-12-31T23:30:00Z        | 2026-12-31T18:59:59.999999Z | false
            calendar_year | 0      | Asia/Almaty | 2026-12-31T23:30:00Z        | 2026-06-01T12:00:00Z        | false
            calendar_year | 0      | UTC         | 2026-12-31T23:30:00Z        | 2026-06-01T12:00:00Z        | true
            calendar_year | 0      | UTC         | 2026-12-31T23:30:00Z        | 2026-01-01T00:00:00Z        | true
            calendar_year | 0      | UTC         | 2026-12-31T23:30:00Z        | 2025-12-31T23:59:59Z        | false
            calendar_year | 0      | Asia/Almaty | 2027-01-01T18:59:00Z        | 2026-12-31T19:00:00Z        | true
            lifetime      | 0      | Asia/Almaty | 2026-11-22T09:00:00Z        | 2001-01-01T00:00:00Z        | true
            lifetime      | 0      | Asia/Almaty | 2026-11-22T09:00:00Z        | 2026-11-22T09:00:00Z        | true
            lifetime      | 0      | Asia/Almaty | 2026-11-22T09:00:00Z        | 2026-11-22T09:00:01Z        | false
            """)
    void anActivityCountsFromTheWindowStartUpToNow(String type, int months, String zone, Instant now,
                                                   Instant occurredAt, boolean counts) {
        assertThat(window(type, months).includes(occurredAt, now, ZoneId.of(zone))).isEqualTo(counts);
    }

    @ParameterizedTest(name = "[{index}] {0}({1}) in {2}, now {3}: starts {4}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            # type        | months | zone          | now                  | start
            rolling_months| 12     | Asia/Almaty   | 2026-11-22T09:00:00Z | 2025-11-22T09:00:00Z
            rolling_months| 3      | Europe/Berlin | 2026-05-15T10:00:00Z | 2026-02-15T11:00:00Z
            calendar_year | 0      | Asia/Almaty   | 2026-12-31T23:30:00Z | 2026-12-31T19:00:00Z
            calendar_year | 0      | Asia/Almaty   | 2026-12-31T18:30:00Z | 2025-12-31T19:00:00Z
            calendar_year | 0      | Europe/Moscow | 2026-07-01T00:00:00Z | 2025-12-31T21:00:00Z
            lifetime      | 0      | Asia/Almaty   | 2026-11-22T09:00:00Z | none
            """)
    void theWindowStartsInTheTenantsCalendar(String type, int months, String zone, Instant now, Instant start) {
        assertThat(window(type, months).start(now, ZoneId.of(zone)).orElse(null)).isEqualTo(start);
    }
}
