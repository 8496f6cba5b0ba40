package io.kopilka.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a member moves: up at once, down only at a re-evaluation after the grace period, VIP never.
 * Rows: the member's level and since when they are below it (days before now, or "none"), their
 * value, and the expected level, grace start and reason.
 */
class TierPolicyTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private static MemberTier member(Ladder ladder, String level, Integer belowDaysAgo) {
        Level l = ladder.level(level).orElseGet(() -> new Level(level, level, null, false, null));
        return new MemberTier(l, NOW.minus(Duration.ofDays(400)), daysAgo(belowDaysAgo));
    }

    private static Instant daysAgo(Integer days) {
        return days == null ? null : NOW.minus(Duration.ofDays(days));
    }

    @ParameterizedTest(name = "[{index}] purchase: {0} (below for {1} days) with {2} -> {3} (below for {4} days), {5}")
    @CsvSource(nullValues = "none", value = {
            "base,   none, 4999,    base,   none, none",
            "base,   none, 5000,    silver, none, qualified",
            "base,   none, 25000,   gold,   none, qualified",   // straight past silver
            "silver, none, 25000,   gold,   none, qualified",
            "gold,   none, 100,     gold,   none, none",        // no downgrade at a purchase
            "gold,   12,   100,     gold,   12,   none",        // nor does a purchase start or end the grace
            "gold,   12,   20000,   gold,   none, none",        // back at the threshold: the grace is over
            "vip,    none, 1000000, vip,    none, none",        // manual: untouched
            "platinum, none, 25000, platinum, none, none"})     // a removed level waits for the re-evaluation
    void atAPurchaseAMemberOnlyMovesUp(String level, Integer belowDaysAgo, BigDecimal value, String expected,
                                       Integer expectedBelowDaysAgo, String reason) {
        Ladder ladder = Ladders.spend();
        TierPolicy.Decision d = TierPolicy.afterPurchase(ladder, member(ladder, level, belowDaysAgo), value);
        assertThat(d.level().code()).isEqualTo(expected);
        assertThat(d.belowSince()).isEqualTo(daysAgo(expectedBelowDaysAgo));
        assertThat(d.reason()).isEqualTo(reason == null ? null : ChangeReason.fromCode(reason).orElseThrow());
    }

    @ParameterizedTest(name = "[{index}] re-evaluation, {6} days of grace: {0} (below for {1} days) with {2} -> {3} (below for {4} days), {5}")
    @CsvSource(nullValues = "none", value = {
            "gold,   none, 25000, gold,   none, none,          30",
            "gold,   none, 6000,  gold,   0,    none,          30",   // the grace starts now
            "gold,   29,   6000,  gold,   29,   none,          30",   // a day left
            "gold,   30,   6000,  silver, none, grace_ended,   30",   // over: down to what the value reaches
            "gold,   45,   100,   base,   none, grace_ended,   30",   // straight to the bottom if that is all
            "gold,   10,   20000, gold,   none, none,          30",   // qualified again: the grace ends
            "silver, none, 30000, gold,   none, qualified,     30",   // up at once (thresholds lowered, say)
            "silver, 5,    30000, gold,   none, qualified,     30",
            "base,   none, -200,  base,   none, none,          30",   // nothing below the entry level
            "vip,    none, 0,     vip,    none, none,          30",   // manual: untouched
            "gold,   none, 6000,  silver, none, grace_ended,   0",    // no grace: down at once
            "platinum, none, 6000, silver, none, level_removed, 30"}) // its level left the ladder
    void atAReevaluationAMemberMovesDownOnlyAfterTheGracePeriod(String level, Integer belowDaysAgo, BigDecimal value,
                                                                 String expected, Integer expectedBelowDaysAgo,
                                                                 String reason, int graceDays) {
        Ladder ladder = Ladders.withGrace(graceDays);
        TierPolicy.Decision d = TierPolicy.atReevaluation(ladder, member(ladder, level, belowDaysAgo), value, NOW,
                ALMATY);
        assertThat(d.level().code()).isEqualTo(expected);
        assertThat(d.belowSince()).isEqualTo(daysAgo(expectedBelowDaysAgo));
        assertThat(d.reason()).isEqualTo(reason == null ? null : ChangeReason.fromCode(reason).orElseThrow());
        assertThat(d.levelChanged()).isEqualTo(reason != null);
    }
}
