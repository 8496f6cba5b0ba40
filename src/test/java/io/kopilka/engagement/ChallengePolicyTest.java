package io.kopilka.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChallengePolicyTest {
    private static final Instant DAY_1 = Instant.parse("2026-01-01T10:00:00Z");

    private static ChallengePolicy.Settings card(int target, Integer window, boolean oncePerDay, int head) {
        return new ChallengePolicy.Settings(BigDecimal.valueOf(target), window, true, null, oncePerDay,
                BigDecimal.valueOf(head));
    }

    private static ChallengePolicy.Entry visit(int day, int hour) {
        Instant at = DAY_1.plus(Duration.ofDays(day - 1)).plus(Duration.ofHours(hour));
        return new ChallengePolicy.Entry(UUID.randomUUID(), at, at.atZone(ZoneOffset.UTC).toLocalDate(), BigDecimal.ONE);
    }

    /** Runs the visits through the policy as the participant does; the days on which it completed. */
    private static List<Boolean> run(ChallengePolicy.Settings s, List<ChallengePolicy.Entry> visits) {
        List<ChallengePolicy.Entry> stored = new ArrayList<>();
        ChallengePolicy.Completions done = ChallengePolicy.Completions.NONE;
        List<Boolean> completed = new ArrayList<>();
        for (var v : visits) {
            var d = ChallengePolicy.decide(s, stored, done, v);
            if (d.counts()) {
                stored.add(v);
            }
            if (d.completes()) {
                done = new ChallengePolicy.Completions(done.count() + 1, d.completedAt());
            }
            completed.add(d.completes());
        }
        return completed;
    }

    @Test
    void aStampCardCompletesOnTheSixthVisitAndStartsAgain() {
        List<ChallengePolicy.Entry> visits = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            visits.add(visit(i, 0));
        }
        assertThat(run(card(6, null, false, 0), visits))
                .containsExactly(false, false, false, false, false, true, false, false, false, false, false, true);
    }

    @Test
    void twoPurchasesOnOneDayCountOnceWithOncePerDay() {
        var s = card(2, null, true, 0);
        var first = visit(1, 0);
        var d = ChallengePolicy.decide(s, List.of(first), ChallengePolicy.Completions.NONE, visit(1, 3));
        assertThat(d.counts()).isFalse();
        assertThat(d.progress()).isEqualByComparingTo("1");
        assertThat(ChallengePolicy.decide(s, List.of(first), ChallengePolicy.Completions.NONE, visit(2, 0))
                .completes()).isTrue();
    }

    @Test
    void threeInSixtyDays() {
        var s = card(3, 60, false, 0);
        assertThat(run(s, List.of(visit(1, 0), visit(30, 0), visit(65, 0)))).containsExactly(false, false, false);
        assertThat(run(s, List.of(visit(1, 0), visit(30, 0), visit(50, 0)))).containsExactly(false, false, true);
    }

    @Test
    void aBackdatedPurchaseCountsWhereItBelongs() {
        var s = card(3, 60, false, 0);
        List<ChallengePolicy.Entry> stored = List.of(visit(1, 0), visit(70, 0));
        // Day 65 would make days 1 and 65 too far apart, but 65 and 70 with… only two: no.
        assertThat(ChallengePolicy.decide(s, stored, ChallengePolicy.Completions.NONE, visit(65, 0)).completes())
                .isFalse();
        // Day 40 joins day 1 and day 70 within 60 days of each end? 1..40 and 40..70 hold two each: no.
        // Day 20 joins day 1 (and 70 is too far): two; a backdated day 30 with days 1 and 20 completes at 30.
        var d = ChallengePolicy.decide(s, List.of(visit(1, 0), visit(20, 0), visit(70, 0)),
                ChallengePolicy.Completions.NONE, visit(30, 0));
        assertThat(d.completes()).isTrue();
        assertThat(d.completedAt()).isEqualTo(visit(30, 0).occurredAt());
        // A purchase dated before the last completion counts no more.
        var afterCompletion = new ChallengePolicy.Completions(1, visit(30, 0).occurredAt());
        assertThat(ChallengePolicy.decide(s, List.of(), afterCompletion, visit(25, 0)).counts()).isFalse();
    }

    @Test
    void aHeadStartOfTwoOfSixCompletesOnTheFourthVisit() {
        List<ChallengePolicy.Entry> visits = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            visits.add(visit(i, 0));
        }
        // The head start is the first card's only: the second takes all six.
        assertThat(run(card(6, null, false, 2), visits))
                .containsExactly(false, false, false, true, false, false, false, false, false, true);
    }

    @Test
    void noMoreCompletionsWithoutRepeatOrPastTheLimit() {
        var once = new ChallengePolicy.Settings(BigDecimal.ONE, null, false, null, false, BigDecimal.ZERO);
        assertThat(run(once, List.of(visit(1, 0), visit(2, 0), visit(3, 0)))).containsExactly(true, false, false);
        var twice = new ChallengePolicy.Settings(BigDecimal.ONE, null, true, 2, false, BigDecimal.ZERO);
        assertThat(run(twice, List.of(visit(1, 0), visit(2, 0), visit(3, 0)))).containsExactly(true, true, false);
    }

    @Test
    void theWindowEndsWhenTheOldestCountedPurchaseFallsOut() {
        var s = card(3, 60, false, 0);
        var entries = List.of(visit(10, 0), visit(20, 0));
        assertThat(ChallengePolicy.windowEndsAt(s, entries, ChallengePolicy.Completions.NONE, visit(25, 0).occurredAt()))
                .isEqualTo(visit(70, 0).occurredAt());
        assertThat(ChallengePolicy.progress(s, entries, ChallengePolicy.Completions.NONE, visit(75, 0).occurredAt()))
                .isEqualByComparingTo("1");
    }
}
