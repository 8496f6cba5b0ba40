package io.kopilka.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which level a value reaches, what is next, and how far: the numbers a member sees. */
class TierLadderTest {

    @ParameterizedTest(name = "[{index}] spend {0} reaches {1}")
    @CsvSource({
            "-100, base",          // returns may leave the window below zero: still the entry level
            "0, base",
            "4999.99, base",
            "5000, silver",
            "5000.0000, silver",
            "19999.9999, silver",
            "20000, gold",
            "1000000000, gold"})   // never the manual VIP, however high
    void aValueReachesTheHighestAutomaticLevelWhoseThresholdItMeets(BigDecimal value, String code) {
        assertThat(Ladders.spend().reached(value).code()).isEqualTo(code);
    }

    @Test
    void aManualLevelAnywhereInTheListIsSkippedByQualification() {
        Ladder vipInTheMiddle = new Ladder(Metric.SPEND, Window.LIFETIME, 0,
                List.of(Ladders.BASE, Ladders.VIP, Ladders.SILVER, Ladders.GOLD), 1);
        assertThat(vipInTheMiddle.entry().code()).isEqualTo("base");
        assertThat(vipInTheMiddle.reached(new BigDecimal("6000")).code()).isEqualTo("silver");
        assertThat(vipInTheMiddle.above(Ladders.BASE)).contains(Ladders.SILVER);
        assertThat(vipInTheMiddle.above(Ladders.VIP)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] on {0} with {1}: next {2}, progress {3}, remaining {4}")
    @CsvSource(nullValues = "none", value = {
            "base,   0,          silver, 0.00, 5000.00",
            "base,   3200,       silver, 0.64, 1800.00",
            "base,   4999.995,   silver, 0.99, 0.01",    // money left rounds up: paying it does reach the level
            "base,   4999.9999,  silver, 0.99, 0.01",    // progress rounds down: 1.00 only at the threshold
            "silver, 6400,       gold,   0.32, 13600.00",
            "silver, 19999.99,   gold,   0.99, 0.01",
            "silver, 25000,      gold,   1.00, 0.00",    // over the threshold, not moved up yet
            "silver, -500,       gold,   0.00, 20000.00",
            "gold,   25000,      none,   none, none",    // the top: nothing further
            "vip,    0,          none,   none, none"})   // manual levels are not climbed
    void progressIsTheShareOfTheNextThresholdAndRemainingWhatIsLeft(String level, BigDecimal value, String next,
                                                                    String progress, String remaining) {
        Ladder ladder = Ladders.spend();
        TierProgress p = TierProgress.of(ladder, ladder.level(level).orElseThrow(), value, 2);
        assertThat(p.code()).isEqualTo(level);
        assertThat(p.name()).isEqualTo(ladder.level(level).orElseThrow().name());
        assertThat(p.nextTier()).isEqualTo(next);
        assertThat(p.progress()).isEqualTo(progress);
        assertThat(p.remaining()).isEqualTo(remaining);
    }

    @ParameterizedTest(name = "[{index}] {0} ladder {1}, money scale {2}, value {3}: progress {4}, remaining {5}")
    @CsvSource({
            "SPEND,  0;10000, 2, 6400,   0.64, 3600.00",   // the example of docs/api.md's balance
            "POINTS, 0;1000,  2, 640,    0.64, 360",
            "VISITS, 0;10,    2, 3,      0.30, 7",
            "VISITS, 0;3;10,  2, 3,      0.30, 7",         // on the middle level: measured to the next one
            "SPEND,  0;1500,  0, 1499.5, 0.99, 1"})        // a currency without decimals
    void remainingIsMoneyForSpendAndAWholeNumberForPointsAndVisits(Metric metric, String thresholds, int scale,
                                                                   BigDecimal value, String progress,
                                                                   String remaining) {
        Ladder ladder = Ladders.of(metric, thresholds.split(";"));
        TierProgress p = TierProgress.of(ladder, ladder.reached(value), value, scale);
        assertThat(p.progress()).isEqualTo(progress);
        assertThat(p.remaining()).isEqualTo(remaining);
    }

    @Test
    void theGracePeriodIsCountedInTheTenantsCalendarDays() {
        // Berlin moves its clocks on 29 March 2026: ten calendar days are one hour short of 240 hours.
        Instant belowSince = Instant.parse("2026-03-20T12:00:00Z");
        assertThat(Ladders.withGrace(10).graceEnds(belowSince, ZoneId.of("Europe/Berlin")))
                .isEqualTo(Instant.parse("2026-03-30T11:00:00Z"));
    }

    @ParameterizedTest(name = "[{index}] {0}: value {1}")
    @CsvSource({"SPEND, 1250.50", "POINTS, 300", "VISITS, 4"})
    void theMetricPicksItsTotal(Metric metric, BigDecimal value) {
        ActivityTotals totals = new ActivityTotals(new BigDecimal("1250.50"), 300, 4);
        assertThat(totals.value(metric)).isEqualByComparingTo(value);
    }
}
