package io.kopilka.cause;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CauseTotalsTest {

    @ParameterizedTest
    @CsvSource({"0, 500, 0", "499, 500, 0", "500, 500, 1", "60000, 500, 120", "60499, 500, 120", "7, 1, 7",
            "-1, 500, 0"})
    void wholeUnitsAreFloored(long total, long perUnit, long units) {
        assertThat(CauseTotals.units(total, perUnit)).isEqualTo(units);
    }

    @ParameterizedTest
    @CsvSource({"0, 1000, 0.00", "120, 1000, 0.12", "999, 1000, 0.99", "1000, 1000, 1.00", "1200, 1000, 1.20",
            "1, 3, 0.33", "2, 3, 0.66"})
    void progressIsRoundedDown(long units, long goal, String progress) {
        assertThat(CauseTotals.progress(units, goal)).isEqualTo(progress);
    }

    @Test
    void noGoalNoProgress() {
        assertThat(CauseTotals.progress(120, null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"0, 500, 500, 1", "200, 500, 500, 1", "200, 300, 500, 1", "0, 300, 500, 0", "100, 300, 500, 0",
            "0, 1000, 500, 2", "499, 1, 500, 1", "0, 1700, 500, 3"})
    void aDonationCompletesTheUnitsItCrosses(long before, long points, long perUnit, long completed) {
        assertThat(CauseTotals.unitsCompleted(before, points, perUnit)).isEqualTo(completed);
    }

    @Test
    void completedUnitsAddUpToTheTotal() {
        long total = 0;
        long completed = 0;
        for (long points : new long[] {120, 380, 499, 1, 1000, 77, 423, 250}) {
            completed += CauseTotals.unitsCompleted(total, points, 500);
            total += points;
        }
        assertThat(completed).isEqualTo(CauseTotals.units(total, 500)).isEqualTo(5);
    }
}
