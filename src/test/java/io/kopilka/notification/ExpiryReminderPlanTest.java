package io.kopilka.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.notification.ExpiryReminderPlan.Digest;
import io.kopilka.notification.ExpiryReminderPlan.LiveLot;
import io.kopilka.notification.ExpiryReminderPlan.Reminder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ExpiryReminderPlanTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final Instant START = Instant.parse("2026-03-01T04:00:00Z");

    @Test
    void aLotIsRemindedAtEachLeadDayAndOnlyOnce() {
        Instant expires = Instant.parse("2026-03-14T18:00:00Z"); // 15 March, 00:00 in Almaty
        LiveLot lot = new LiveLot(120, expires, START);
        LocalDate on = expires.atZone(ALMATY).toLocalDate();
        Instant sevenBefore = on.minusDays(7).atStartOfDay(ALMATY).toInstant();

        assertThat(due(List.of(lot), Set.of(), sevenBefore.minusSeconds(1))).isEmpty();
        Digest first = due(List.of(lot), Set.of(), sevenBefore.plusSeconds(3600)).orElseThrow();
        assertThat(first.reminders()).containsExactly(new Reminder(on, 7));
        assertThat(first.total()).isEqualTo(120);
        assertThat(due(List.of(lot), Set.copyOf(first.reminders()), sevenBefore.plus(Duration.ofDays(2)))).isEmpty();

        Instant oneBefore = on.minusDays(1).atStartOfDay(ALMATY).toInstant().plusSeconds(36000);
        assertThat(due(List.of(lot), Set.copyOf(first.reminders()), oneBefore).orElseThrow().reminders())
                .containsExactly(new Reminder(on, 1));
    }

    @Test
    void missedLeadDaysAreCaughtUpInOneDigest() {
        Instant expires = Instant.parse("2026-03-14T06:00:00Z");
        Digest digest = due(List.of(new LiveLot(50, expires, START)), Set.of(), expires.minus(Duration.ofHours(20)))
                .orElseThrow();
        assertThat(digest.reminders()).extracting(Reminder::leadDays).containsExactly(1, 7);
        assertThat(digest.batches()).hasSize(1);
    }

    @Test
    void pointsEarnedAfterTheLeadDayAreNotOwedItsReminder() {
        Instant expires = Instant.parse("2026-03-14T06:00:00Z");
        Instant earned = expires.minus(Duration.ofDays(3));
        assertThat(due(List.of(new LiveLot(50, expires, earned)), Set.of(), earned.plusSeconds(60))).isEmpty();
        assertThat(due(List.of(new LiveLot(50, expires, earned)), Set.of(), expires.minus(Duration.ofHours(20)))
                .orElseThrow().reminders()).containsExactly(new Reminder(LocalDate.of(2026, 3, 14), 1));
    }

    @Test
    void belowTheMinimumNothingGoesAndNothingIsMarked() {
        Instant expires = Instant.parse("2026-03-14T06:00:00Z");
        Instant now = expires.minus(Duration.ofDays(5));
        assertThat(ExpiryReminderPlan.due(List.of(new LiveLot(5, expires, START)), List.of(7, 1), Set.of(),
                Optional.empty(), 10, now, ALMATY)).isEmpty();
    }

    @Test
    void oneDigestADayAtMost() {
        Instant expires = Instant.parse("2026-03-14T06:00:00Z");
        Instant now = expires.minus(Duration.ofDays(5));
        assertThat(ExpiryReminderPlan.due(List.of(new LiveLot(5, expires, START)), List.of(7, 1), Set.of(),
                Optional.of(now.atZone(ALMATY).toLocalDate()), 1, now, ALMATY)).isEmpty();
    }

    private static Optional<Digest> due(List<LiveLot> lots, Set<Reminder> given, Instant now) {
        return ExpiryReminderPlan.due(lots, List.of(7, 1), given, Optional.empty(), 1, now, ALMATY);
    }

    // --- the simulation: a member's points over 90 days, the job run daily at a random hour and at random ---

    sealed interface Step permits Earn, Spend, Back {
    }

    record Earn(long points, int lifeHours) implements Step {
    }

    record Spend(long points) implements Step {
    }

    /** A return gives spent points back as a new lot with its own expiry (the refund). */
    record Back(long points, int lifeHours) implements Step {
    }

    record Day(List<Step> steps, int jobHour, boolean extraRun, int extraHour) {
    }

    static final class SimLot {
        final long points;
        long remaining;
        final Instant expiresAt;
        final Instant earnedAt;

        SimLot(long points, Instant expiresAt, Instant earnedAt) {
            this.points = points;
            this.remaining = points;
            this.expiresAt = expiresAt;
            this.earnedAt = earnedAt;
        }
    }

    record Sent(Instant at, Digest digest) {
    }

    @Property(tries = 300)
    void everyLotThatExpiresWithPointsLeftWasRemindedAtEachLeadDay(@ForAll("days") List<Day> days,
                                                                    @ForAll("leadDays") List<Integer> leadDays) {
        List<SimLot> lots = new ArrayList<>();
        Set<Reminder> given = new HashSet<>();
        List<Sent> sent = new ArrayList<>();
        Map<SimLot, Long> leftAtExpiry = new HashMap<>();
        LocalDate first = START.atZone(ALMATY).toLocalDate();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            Instant dayStart = first.plusDays(i).atStartOfDay(ALMATY).toInstant();
            List<Instant> runs = new ArrayList<>(List.of(dayStart.plus(Duration.ofHours(day.jobHour()))));
            if (day.extraRun()) {
                runs.add(dayStart.plus(Duration.ofMinutes(day.extraHour() * 60L + 7)));
            }
            runs.sort(Comparator.naturalOrder());
            Instant moment = dayStart.plus(Duration.ofMinutes(30));
            for (int s = 0; s < day.steps().size(); s++) {
                Instant at = moment.plus(Duration.ofMinutes(s * 41L));
                for (Instant run : new ArrayList<>(runs)) {
                    if (!run.isAfter(at)) {
                        run(lots, leadDays, given, sent, run, leftAtExpiry);
                        runs.remove(run);
                    }
                }
                apply(day.steps().get(s), lots, at, leftAtExpiry);
            }
            for (Instant run : runs) {
                run(lots, leadDays, given, sent, run, leftAtExpiry);
            }
        }
        Instant end = first.plusDays(days.size()).atStartOfDay(ALMATY).toInstant();
        expire(lots, end, leftAtExpiry);

        leftAtExpiry.forEach((lot, left) -> {
            if (left == 0) {
                return;
            }
            LocalDate on = lot.expiresAt.atZone(ALMATY).toLocalDate();
            for (int d : leadDays) {
                Reminder reminder = new Reminder(on, d);
                Instant dueAt = ExpiryReminderPlan.dueAt(reminder, ALMATY);
                if (!lot.earnedAt.isAfter(dueAt) && dueAt.isAfter(START)) {
                    assertThat(sent).as("%s of a lot earned %s", reminder, lot.earnedAt)
                            .anyMatch(s -> s.digest().reminders().contains(reminder) && s.at().isBefore(lot.expiresAt));
                }
            }
        });
        Map<LocalDate, Long> digestsPerDay = new HashMap<>();
        sent.forEach(s -> digestsPerDay.merge(s.at().atZone(ALMATY).toLocalDate(), 1L, Long::sum));
        assertThat(digestsPerDay.values()).allMatch(n -> n == 1);
    }

    private static void run(List<SimLot> lots, List<Integer> leadDays, Set<Reminder> given, List<Sent> sent,
                            Instant now, Map<SimLot, Long> leftAtExpiry) {
        expire(lots, now, leftAtExpiry);
        Optional<LocalDate> last = sent.isEmpty() ? Optional.empty()
                : Optional.of(sent.getLast().at().atZone(ALMATY).toLocalDate());
        List<LiveLot> live = lots.stream().map(l -> new LiveLot(l.remaining, l.expiresAt, l.earnedAt)).toList();
        ExpiryReminderPlan.due(live, leadDays, given, last, 1, now, ALMATY).ifPresent(digest -> {
            for (ExpiryReminderPlan.Batch batch : digest.batches()) {
                long expiringThatDay = lots.stream().filter(l -> l.expiresAt.isAfter(now)
                        && l.expiresAt.atZone(ALMATY).toLocalDate().equals(batch.expiresOn()))
                        .mapToLong(l -> l.remaining).sum();
                assertThat(batch.points()).as("announced for %s", batch.expiresOn()).isLessThanOrEqualTo(expiringThatDay);
            }
            given.addAll(digest.reminders());
            sent.add(new Sent(now, digest));
        });
    }

    private static void expire(List<SimLot> lots, Instant now, Map<SimLot, Long> leftAtExpiry) {
        for (SimLot lot : lots) {
            if (!lot.expiresAt.isAfter(now) && !leftAtExpiry.containsKey(lot)) {
                leftAtExpiry.put(lot, lot.remaining);
                lot.remaining = 0;
            }
        }
    }

    private static void apply(Step step, List<SimLot> lots, Instant at, Map<SimLot, Long> leftAtExpiry) {
        expire(lots, at, leftAtExpiry);
        switch (step) {
            case Earn(long points, int life) -> lots.add(new SimLot(points, at.plus(Duration.ofHours(life)), at));
            case Back(long points, int life) -> lots.add(new SimLot(points, at.plus(Duration.ofHours(life)), at));
            case Spend(long points) -> {
                long left = points;
                for (SimLot lot : lots.stream().filter(l -> l.remaining > 0 && l.expiresAt.isAfter(at))
                        .sorted(Comparator.comparing((SimLot l) -> l.expiresAt)).toList()) {
                    long taken = Math.min(left, lot.remaining);
                    lot.remaining -= taken;
                    left -= taken;
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Day>> days() {
        Arbitrary<Step> earn = Combinators.combine(Arbitraries.longs().between(1, 500),
                Arbitraries.integers().between(1, 24 * 40)).as(Earn::new);
        Arbitrary<Step> back = Combinators.combine(Arbitraries.longs().between(1, 100),
                Arbitraries.integers().between(1, 24 * 20)).as(Back::new);
        Arbitrary<Step> spend = Arbitraries.longs().between(1, 400).map(Spend::new);
        Arbitrary<List<Step>> steps = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, earn), net.jqwik.api.Tuple.of(3, spend), net.jqwik.api.Tuple.of(1, back))
                .list().ofMaxSize(3);
        return Combinators.combine(steps, Arbitraries.integers().between(0, 23), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 23)).as(Day::new).list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Integer>> leadDays() {
        return Arbitraries.integers().between(1, 10).set().ofMinSize(1).ofMaxSize(3).map(List::copyOf);
    }
}
