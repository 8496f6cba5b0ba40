package io.kopilka.engagement;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * How a challenge counts a member's purchases, in plain Java: the counted entries and the previous
 * completions in, a decision out. A purchase counts by its {@code occurredAt}, only after the previous
 * completion; with {@code oncePerDay} at most one a day; with a window the card completes at the
 * purchase with which what was counted in the last {@code windowDays} days (this one included)
 * reaches the target, and older ones fall out.
 */
public final class ChallengePolicy {
    private ChallengePolicy() {
    }

    /** @param headStart counted toward the first card only */
    public record Settings(BigDecimal target, Integer windowDays, boolean repeat, Integer maxCompletions,
                           boolean oncePerDay, BigDecimal headStart) {
    }

    /**
     * A counted purchase, not returned.
     *
     * @param amount what the metric counts of it: 1 visit, its units, or its spend
     */
    public record Entry(UUID purchaseId, Instant occurredAt, LocalDate day, BigDecimal amount) {
    }

    /** @param lastAt when the last one that stands happened (by its purchase's occurredAt); null: none */
    public record Completions(int count, Instant lastAt) {
        public static final Completions NONE = new Completions(0, null);
    }

    /**
     * @param counts      whether the purchase is counted (to be stored)
     * @param completes   whether it completes the card
     * @param completedAt when the completing window ends (the purchase's time, or a later one's for a backdated purchase)
     * @param progress    the card after the purchase, head start included (the target when it completes)
     */
    public record Decision(boolean counts, boolean completes, Instant completedAt, BigDecimal progress,
                           BigDecimal target) {
    }

    /** Whether the member can complete it no more: it does not repeat, or they reached the limit. */
    public static boolean finished(Settings s, Completions done) {
        return (!s.repeat() && done.count() >= 1)
                || (s.maxCompletions() != null && done.count() >= s.maxCompletions());
    }

    public static Decision decide(Settings s, List<Entry> entries, Completions done, Entry candidate) {
        if (finished(s, done)) {
            return new Decision(false, false, null, s.target(), s.target());
        }
        boolean afterLast = done.lastAt() == null || candidate.occurredAt().isAfter(done.lastAt());
        boolean dayTaken = s.oncePerDay() && entries.stream().anyMatch(e -> e.day().equals(candidate.day()));
        if (!afterLast || dayTaken) {
            return new Decision(false, false, null, progress(s, entries, done, latest(entries, candidate)), s.target());
        }
        List<Entry> card = new ArrayList<>(card(entries, done));
        card.add(candidate);
        card.sort(Comparator.comparing(Entry::occurredAt).thenComparing(Entry::purchaseId));
        BigDecimal head = head(s, done);
        for (Entry end : card) {
            if (end.occurredAt().isBefore(candidate.occurredAt())) {
                continue; // windows that end before the purchase do not hold it
            }
            if (head.add(sum(s, card, end.occurredAt())).compareTo(s.target()) >= 0) {
                return new Decision(true, true, end.occurredAt(), s.target(), s.target());
            }
        }
        return new Decision(true, false, null, head.add(sum(s, card, card.getLast().occurredAt())), s.target());
    }

    /** The card as of {@code at}: what counts in its window (all since the last completion without one), head start included. */
    public static BigDecimal progress(Settings s, List<Entry> entries, Completions done, Instant at) {
        if (finished(s, done)) {
            return s.target();
        }
        return head(s, done).add(sum(s, card(entries, done), at));
    }

    /** When the oldest entry in the card's window falls out of it; null without a window or entries. */
    public static Instant windowEndsAt(Settings s, List<Entry> entries, Completions done, Instant at) {
        if (s.windowDays() == null) {
            return null;
        }
        return card(entries, done).stream().filter(e -> inWindow(s, e, at)).map(Entry::occurredAt)
                .min(Comparator.naturalOrder()).map(t -> t.plus(Duration.ofDays(s.windowDays()))).orElse(null);
    }

    private static BigDecimal head(Settings s, Completions done) {
        return done.count() == 0 && s.headStart() != null ? s.headStart() : BigDecimal.ZERO;
    }

    private static List<Entry> card(List<Entry> entries, Completions done) {
        return entries.stream().filter(e -> done.lastAt() == null || e.occurredAt().isAfter(done.lastAt())).toList();
    }

    private static BigDecimal sum(Settings s, List<Entry> card, Instant end) {
        BigDecimal total = BigDecimal.ZERO;
        for (Entry e : card) {
            if (inWindow(s, e, end)) {
                total = total.add(e.amount());
            }
        }
        return total;
    }

    private static boolean inWindow(Settings s, Entry e, Instant end) {
        return !e.occurredAt().isAfter(end)
                && (s.windowDays() == null || e.occurredAt().isAfter(end.minus(Duration.ofDays(s.windowDays()))));
    }

    private static Instant latest(List<Entry> entries, Entry candidate) {
        return entries.stream().map(Entry::occurredAt).filter(t -> t.isAfter(candidate.occurredAt()))
                .max(Comparator.naturalOrder()).orElse(candidate.occurredAt());
    }
}
