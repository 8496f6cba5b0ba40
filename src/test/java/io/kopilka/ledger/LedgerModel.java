package io.kopilka.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately simple in-memory ledger: lots in a list, debt in a number. The property test drives
 * the real service and this model with the same steps and demands the same balances; and, for the
 * entry types whose points the steps say (gifts, reward spends, donations, refunds), the same sum
 * of each type's entries.
 */
final class LedgerModel {
    static final class Lot {
        final long seq;
        long remaining;
        final Instant expiresAt;
        final String purchaseId;

        Lot(long seq, long remaining, Instant expiresAt, String purchaseId) {
            this.seq = seq;
            this.remaining = remaining;
            this.expiresAt = expiresAt;
            this.purchaseId = purchaseId;
        }

        boolean live(Instant now) {
            return remaining > 0 && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    private final Map<String, List<Lot>> lots = new HashMap<>();
    private final Map<String, Long> debt = new HashMap<>();
    private final Map<EntryType, Long> byType = new java.util.EnumMap<>(EntryType.class);
    private long seq;

    /** Notes an entry of {@code type}: positive points for a credit, negative for a debit. */
    void wrote(EntryType type, long points) {
        byType.merge(type, points, Long::sum);
    }

    /** The sum of the entries of {@code type} {@link #wrote} noted. */
    long written(EntryType type) {
        return byType.getOrDefault(type, 0L);
    }

    long available(String member, Instant now) {
        return lots(member).stream().filter(l -> l.live(now)).mapToLong(l -> l.remaining).sum()
                - debt.getOrDefault(member, 0L);
    }

    void credit(String member, long points, Instant expiresAt, String purchaseId) {
        long owed = debt.getOrDefault(member, 0L);
        long paid = Math.min(owed, points);
        debt.put(member, owed - paid);
        if (points > paid) {
            lots(member).add(new Lot(seq++, points - paid, expiresAt, purchaseId));
        }
    }

    /** Spends first-expiring-first; returns what was taken from which expiry, for transfers. */
    List<long[]> spend(String member, long points, Instant now) {
        List<long[]> taken = new ArrayList<>();
        long left = points;
        for (Lot lot : ordered(member, now, null)) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining);
            lot.remaining -= take;
            left -= take;
            taken.add(new long[] {take, lot.expiresAt == null ? Long.MAX_VALUE : lot.expiresAt.toEpochMilli()});
        }
        if (left != 0) {
            throw new IllegalStateException("model overspent");
        }
        return taken;
    }

    void takeBack(String member, long points, String purchaseId, Instant now) {
        long left = points;
        for (Lot lot : ordered(member, now, purchaseId)) {
            long take = Math.min(left, lot.remaining);
            lot.remaining -= take;
            left -= take;
        }
        debt.merge(member, left, Long::sum);
    }

    void transfer(String from, String to, long points, Instant now) {
        List<long[]> taken = new ArrayList<>(spend(from, points, now));
        taken.sort(Comparator.comparingLong(t -> t[1]));
        long owed = debt.getOrDefault(to, 0L);
        long toPay = Math.min(owed, points);
        debt.put(to, owed - toPay);
        for (long[] t : taken) {
            long pay = Math.min(toPay, t[0]);
            toPay -= pay;
            if (t[0] > pay) {
                lots(to).add(new Lot(seq++, t[0] - pay, t[1] == Long.MAX_VALUE ? null : Instant.ofEpochMilli(t[1]), null));
            }
        }
    }

    private List<Lot> ordered(String member, Instant now, String purchaseFirst) {
        return lots(member).stream().filter(l -> l.live(now))
                .sorted(Comparator.comparing((Lot l) -> purchaseFirst == null || !purchaseFirst.equals(l.purchaseId))
                        .thenComparing(l -> l.expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingLong(l -> l.seq))
                .toList();
    }

    private List<Lot> lots(String member) {
        return lots.computeIfAbsent(member, m -> new ArrayList<>());
    }
}
