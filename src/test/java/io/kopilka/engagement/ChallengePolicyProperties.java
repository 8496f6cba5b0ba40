package io.kopilka.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The policy, driven purchase by purchase as the participant drives it, against a model written the
 * plain way: a list of the card's live purchases, emptied at each completion.
 */
class ChallengePolicyProperties {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    /** A purchase some hours after the previous one, with an amount, maybe returned whole before the next. */
    record Step(int hoursLater, int amount, boolean returned) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 24 * 20), Arbitraries.integers().between(1, 500),
                Arbitraries.integers().between(0, 9).map(n -> n == 0)).as(Step::new).list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void progressAndCompletionsAreTheModels(@ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 1, max = 1500) int target,
                                            @ForAll boolean oncePerDay, @ForAll boolean windowed,
                                            @ForAll @IntRange(min = 1, max = 90) int days) {
        Integer window = windowed ? days : null;
        var s = new ChallengePolicy.Settings(BigDecimal.valueOf(target), window, true, null, oncePerDay,
                BigDecimal.ZERO);
        // The policy's side: what the store would hold.
        List<ChallengePolicy.Entry> stored = new ArrayList<>();
        ChallengePolicy.Completions done = ChallengePolicy.Completions.NONE;
        // The model's side.
        List<long[]> card = new ArrayList<>(); // {hour, amount}
        List<LocalDate> countedDays = new ArrayList<>();
        int modelCompletions = 0;
        long lastCompletion = -1; // purchases at the very moment of a completion belong to that card
        long hour = 0;
        for (Step step : steps) {
            hour += step.hoursLater();
            Instant at = START.plus(Duration.ofHours(hour));
            LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
            var entry = new ChallengePolicy.Entry(UUID.randomUUID(), at, day, BigDecimal.valueOf(step.amount()));
            var decision = ChallengePolicy.decide(s, stored, done, entry);
            if (decision.counts()) {
                stored.add(entry);
            }
            if (decision.completes()) {
                done = new ChallengePolicy.Completions(done.count() + 1, decision.completedAt());
            }

            boolean modelCompletes = false;
            if (hour > lastCompletion && !(oncePerDay && countedDays.contains(day))) {
                countedDays.add(day);
                card.add(new long[] {hour, step.amount()});
                final long now = hour;
                card.removeIf(c -> window != null && c[0] <= now - 24L * window);
                long sum = card.stream().mapToLong(c -> c[1]).sum();
                if (sum >= target) {
                    modelCompletes = true;
                    modelCompletions++;
                    lastCompletion = hour;
                    card.clear();
                }
            }
            assertThat(decision.completes()).isEqualTo(modelCompletes);
            assertThat(done.count()).isEqualTo(modelCompletions);
            final long current = hour;
            card.removeIf(c -> window != null && c[0] <= current - 24L * window);
            long modelProgress = card.stream().mapToLong(c -> c[1]).sum();
            if (!modelCompletes) {
                assertThat(ChallengePolicy.progress(s, stored, done, at)).isEqualByComparingTo(
                        BigDecimal.valueOf(modelProgress));
            }
            if (step.returned() && decision.counts() && !decision.completes()) {
                // A whole return of a purchase still on the card: it counts no more, on both sides.
                stored.removeIf(e -> e.purchaseId().equals(entry.purchaseId()));
                card.removeLast();
                countedDays.remove(day);
                assertThat(ChallengePolicy.progress(s, stored, done, at)).isEqualByComparingTo(
                        BigDecimal.valueOf(card.stream().mapToLong(c -> c[1]).sum()));
            }
        }
    }

    private static long now(ChallengePolicy.Entry e) {
        return Duration.between(START, e.occurredAt()).toHours();
    }
}
