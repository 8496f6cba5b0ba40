package io.kopilka.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which expiry reminders a member is due now. For each local date (tenant's zone) on which some of the
 * member's live points expire, and each lead day {@code d}, the reminder falls due at the start of the
 * day {@code d} days before that date, and only for points that existed at that moment: points earned
 * later were not there to be warned about. A reminder missed because the job did not run is caught up by
 * the next run, while the points are still there. Everything due goes into one digest, at most one a day,
 * and it announces what is left of the points now, never points already spent or expired. Below the
 * minimum nothing goes and nothing is marked given, so a larger amount later still gets its reminder.
 */
public final class ExpiryReminderPlan {

    private ExpiryReminderPlan() {
    }

    /** What is left of one credit, when it expires and when it was earned. */
    public record LiveLot(long remaining, Instant expiresAt, Instant earnedAt) {
    }

    /** One reminder: {@code leadDays} before {@code expiresOn}. */
    public record Reminder(LocalDate expiresOn, int leadDays) {
    }

    /** Points expiring on one local date; {@code expiresAt} the first moment any of them expires. */
    public record Batch(LocalDate expiresOn, long points, Instant expiresAt) {
    }

    /** One digest: the reminders it gives, and the batches it announces, earliest first. */
    public record Digest(List<Reminder> reminders, List<Batch> batches) {

        public Digest {
            reminders = List.copyOf(reminders);
            batches = List.copyOf(batches);
        }

        public long total() {
            return batches.stream().mapToLong(Batch::points).sum();
        }
    }

    /**
     * @param lots       the member's lots; spent-out, expired and never-expiring ones are ignored
     * @param leadDays   days before the expiry date a reminder is given (the program's {@code expiryReminderDays})
     * @param given      reminders given before
     * @param lastDigest the local date of the member's last digest; empty when none
     * @param minPoints  no digest for fewer points than this
     */
    public static Optional<Digest> due(Collection<LiveLot> lots, Collection<Integer> leadDays, Set<Reminder> given,
                                       Optional<LocalDate> lastDigest, long minPoints, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (lastDigest.filter(today::equals).isPresent()) {
            return Optional.empty();
        }
        Map<LocalDate, List<LiveLot>> byDate = new TreeMap<>();
        for (LiveLot lot : lots) {
            if (lot.remaining() > 0 && lot.expiresAt() != null && lot.expiresAt().isAfter(now)) {
                byDate.computeIfAbsent(lot.expiresAt().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(lot);
            }
        }
        List<Reminder> reminders = new ArrayList<>();
        List<Batch> batches = new ArrayList<>();
        byDate.forEach((date, dated) -> {
            List<Reminder> forDate = leadDays.stream().distinct().sorted()
                    .map(d -> new Reminder(date, d))
                    .filter(r -> !given.contains(r))
                    .filter(r -> {
                        Instant moment = dueAt(r, zone);
                        return !now.isBefore(moment) && dated.stream().anyMatch(l -> !l.earnedAt().isAfter(moment));
                    })
                    .toList();
            if (!forDate.isEmpty()) {
                reminders.addAll(forDate);
                batches.add(new Batch(date, dated.stream().mapToLong(LiveLot::remaining).sum(),
                        dated.stream().map(LiveLot::expiresAt).min(Instant::compareTo).orElseThrow()));
            }
        });
        Digest digest = new Digest(reminders, batches);
        return reminders.isEmpty() || digest.total() < minPoints ? Optional.empty() : Optional.of(digest);
    }

    /** When a reminder falls due: the start of the day {@code leadDays} before the expiry date. */
    public static Instant dueAt(Reminder reminder, ZoneId zone) {
        return reminder.expiresOn().minusDays(reminder.leadDays()).atStartOfDay(zone).toInstant();
    }

    /** How far ahead of {@code now} lots matter: the longest lead day and one day more. */
    public static Instant horizon(Instant now, Collection<Integer> leadDays) {
        int longest = leadDays.stream().mapToInt(Integer::intValue).max().orElse(0);
        return now.plus(java.time.Duration.ofDays(longest + 2L));
    }
}
