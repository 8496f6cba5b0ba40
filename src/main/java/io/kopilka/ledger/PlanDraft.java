package io.kopilka.ledger;

import io.kopilka.ledger.PostingPlan.PlannedEntry;
import io.kopilka.ledger.PostingPlan.Take;
import io.kopilka.shared.Ids;
import io.kopilka.shared.PurchaseId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** A plan being worked out: the account's figures and lots as each step of one write leaves them. */
final class PlanDraft {
    private final Account before;
    private final Instant now;
    private final List<Lot> lots;
    private final List<Take> taken = new ArrayList<>();
    private final List<Lot> created = new ArrayList<>();
    private final List<PlannedEntry> entries = new ArrayList<>();
    private long balance;
    private long debt;
    private long availableLots;
    private long pending;
    private long lifetimeEarned;
    private BigDecimal spend;
    private int visits;
    private Instant lastActivityAt;
    private long debtPaid;
    private long debtAdded;

    PlanDraft(LockedAccount account, Instant now) {
        this.before = account.account();
        this.now = now;
        this.lots = new ArrayList<>(account.lots());
        this.balance = before.balance();
        this.debt = before.debt();
        this.availableLots = before.availableLots();
        this.pending = before.pending();
        this.lifetimeEarned = before.lifetimeEarned();
        this.spend = before.lifetimeSpend();
        this.visits = before.visits();
        this.lastActivityAt = before.lastActivityAt();
    }

    /** Spends available points first-expiring-first; refuses when the member has fewer. */
    List<Take> spend(long points) {
        long available = availableLots - debt;
        if (points > available) {
            throw PostingPlan.insufficient(available, points);
        }
        List<Take> parts = consume(PostingPlan.SPENDING_ORDER, l -> l.spendable(now), points);
        long given = parts.stream().mapToLong(Take::points).sum();
        if (given != points) {
            throw new IllegalStateException("lots gave " + given + " of " + points + " available points");
        }
        return parts;
    }

    /** Lowers the chosen lots in this order by up to {@code points} in all; returns what each gave. */
    List<Take> consume(Comparator<Lot> order, Predicate<Lot> which, long points) {
        List<Take> parts = new ArrayList<>();
        long left = points;
        for (Lot lot : lots.stream().filter(which).sorted(order).toList()) {
            if (left == 0) {
                break;
            }
            long part = Math.min(left, lot.remaining());
            left -= part;
            parts.add(new Take(lot, part));
            lots.set(lots.indexOf(lot), lot.less(part));
            if (lot.spendable(now)) {
                availableLots -= part;
            } else {
                pending -= part;
            }
        }
        taken.addAll(parts);
        return parts;
    }

    /** Pays the debt from a credit of {@code points}; returns what it paid. */
    long pay(long points) {
        long paid = PostingPlan.debtPaid(debt, points);
        debt -= paid;
        debtPaid += paid;
        return paid;
    }

    /** Points taken back that no lot holds any more. */
    void owe(long points) {
        debt += points;
        debtAdded += points;
    }

    /** A new lot of {@code points} (none for zero), spendable from {@code availableAt}. */
    Lot lot(long points, Instant availableAt, Instant expiresAt, PurchaseId purchase) {
        if (points <= 0) {
            return null;
        }
        Lot lot = new Lot(Ids.next(), points, availableAt, expiresAt, purchase);
        lots.add(lot);
        created.add(lot);
        lotFromSums(points, !availableAt.isAfter(now));
        return lot;
    }

    void credit(Credit credit) {
        long paid = pay(credit.points());
        Lot lot = lot(credit.points() - paid, credit.availableAt(), credit.expiresAt(), credit.purchaseId());
        add(PlannedEntry.of(before.member(), credit, lot == null ? null : lot.id()));
        if (credit.earning()) {
            earned(credit.points());
        }
    }

    void add(PlannedEntry entry) {
        entries.add(entry);
        balance += entry.points();
    }

    void activity(BigDecimal spent, int visited, Instant at) {
        spend = spend.add(spent);
        visits += visited;
        lastActivityAt = lastActivityAt == null || at.isAfter(lastActivityAt) ? at : lastActivityAt;
    }

    void earned(long points) {
        lifetimeEarned += points;
    }

    /** For a forecast, which knows the sums and not the lots: spending lowers what is available. */
    void spendFromSums(long points) {
        availableLots -= points;
    }

    void lotFromSums(long points, boolean availableNow) {
        if (availableNow) {
            availableLots += points;
        } else {
            pending += points;
        }
    }

    /** For a forecast, which appends no entries. */
    void balance(long change) {
        balance += change;
    }

    PostingPlan plan() {
        Account after = new Account(before.member(), balance, debt, availableLots, pending, lifetimeEarned, spend,
                visits, lastActivityAt);
        List<Lot> left = lots.stream().filter(l -> l.remaining() > 0).toList();
        return new PostingPlan(before, debtPaid, debtAdded, taken, created, entries, new LockedAccount(after, left));
    }
}
