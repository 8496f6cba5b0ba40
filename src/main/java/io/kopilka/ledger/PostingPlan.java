package io.kopilka.ledger;

import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import io.kopilka.shared.Text;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one write does to a member's points, worked out in memory before any SQL runs: the debt it
 * pays or leaves, the lots it lowers (which, by how much), the lots it creates, the entries it
 * appends and the account after. The ledger's rules are written here once, and the SQL only writes
 * what a plan says:
 * <ul>
 *   <li>a credit pays the member's debt first and only the rest becomes a lot ({@link #debtPaid});</li>
 *   <li>points are spent first-expiring-first ({@link #SPENDING_ORDER}), from lots that are spendable now;</li>
 *   <li>a return takes back from its purchase's own lots first, then other available lots, then pending
 *       ones, each group first-expiring-first; what it cannot find becomes debt;</li>
 *   <li>a transfer gives the recipient lots with the sender's expiry dates, so it never extends a point's
 *       life, after paying the recipient's debt from the earliest-expiring part.</li>
 * </ul>
 *
 * @param taken   the lots lowered, with what each gave
 * @param created the lots made, at their full points
 */
public record PostingPlan(Account before, long debtPaid, long debtAdded, List<Take> taken, List<Lot> created,
                          List<PlannedEntry> entries, LockedAccount after) {

    /**
     * Lots that expire first are spent first, then the older ones; the id (time-ordered) settles a
     * tie, compared as PostgreSQL compares uuids (unsigned, byte by byte).
     */
    public static final Comparator<Lot> SPENDING_ORDER = Comparator
            .comparing(Lot::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Lot::availableAt)
            .thenComparing(Lot::id, (a, b) -> a.getMostSignificantBits() != b.getMostSignificantBits()
                    ? Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits())
                    : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits()));

    /** What one lot gave. */
    public record Take(Lot lot, long points) {
    }

    /** An entry the plan appends; created now. {@code explanation} is why, as data (a credit's or a debit's). */
    public record PlannedEntry(UUID id, MemberId member, EntryType type, long points, UUID lot, PurchaseId purchase,
                               ReturnId returnId, UUID transfer, String ruleName, String reason, String note,
                               String actor, Instant expiresAt, List<Text> explanation) {

        static PlannedEntry of(MemberId member, Credit credit, UUID lot) {
            return new PlannedEntry(Ids.next(), member, credit.type(), credit.points(), lot, credit.purchaseId(),
                    credit.returnId(), null, credit.ruleName(), credit.reason(), credit.note(), credit.actor(),
                    credit.expiresAt(), credit.explanation());
        }

        static PlannedEntry of(MemberId member, Debit debit) {
            return new PlannedEntry(Ids.next(), member, debit.type(), -debit.points(), null, debit.purchaseId(), null,
                    null, null, debit.reason(), debit.note(), debit.actor(), null, debit.explanation());
        }

        static PlannedEntry reverse(MemberId member, long points, PurchaseId purchase, ReturnId returnId) {
            return new PlannedEntry(Ids.next(), member, EntryType.REVERSE, -points, null, purchase, returnId, null,
                    null, null, null, null, null, null);
        }

        static PlannedEntry transfer(MemberId member, long points, UUID transfer) {
            return new PlannedEntry(Ids.next(), member, points < 0 ? EntryType.TRANSFER_OUT : EntryType.TRANSFER_IN,
                    points, null, null, null, transfer, null, null, null, null, null, null);
        }
    }

    public PostingPlan {
        taken = List.copyOf(taken);
        created = List.copyOf(created);
        entries = List.copyOf(entries);
    }

    public MemberId member() {
        return before.member();
    }

    /** Whether the plan changes nothing (a take-back of zero points): no statement needs to run. */
    public boolean empty() {
        return taken.isEmpty() && created.isEmpty() && entries.isEmpty() && after.account().equals(before);
    }

    /** The rule every credit follows: it pays what the member owes before anything becomes a lot. */
    public static long debtPaid(long debt, long credit) {
        return Math.min(debt, credit);
    }

    /** A purchase: the redemption (first-expiring-first), the earning (debt first, then a lot), the spend and visit. */
    public static PostingPlan post(LockedAccount account, Ledger.Posting posting, Instant now) {
        PlanDraft draft = new PlanDraft(account, now);
        if (posting.redeem() > 0) {
            Debit redemption = Debit.redemption(posting.redeem(), posting.purchaseId());
            draft.spend(redemption.points());
            draft.add(PlannedEntry.of(account.member(), redemption));
        }
        if (posting.earn() != null) {
            draft.credit(posting.earn());
        }
        draft.activity(posting.spend(), posting.visits(), now);
        return draft.plan();
    }

    /** Points given: the debt first, the rest in a new lot; one entry. */
    public static PostingPlan credit(LockedAccount account, Credit credit, Instant now) {
        PlanDraft draft = new PlanDraft(account, now);
        draft.credit(credit);
        return draft.plan();
    }

    /** Points spent outside a purchase; 409 {@code insufficient_points} when not enough are available. */
    public static PostingPlan spend(LockedAccount account, Debit debit, Instant now) {
        PlanDraft draft = new PlanDraft(account, now);
        draft.spend(debit.points());
        draft.add(PlannedEntry.of(account.member(), debit));
        return draft.plan();
    }

    /** A return takes back what its purchase earned; what no lot holds any more becomes debt. */
    public static PostingPlan takeBack(LockedAccount account, long points, PurchaseId purchase, ReturnId returnId,
                                       Instant now) {
        PlanDraft draft = new PlanDraft(account, now);
        if (points > 0) {
            Comparator<Lot> order = Comparator.comparing((Lot l) -> !purchase.equals(l.purchase()))
                    .thenComparing(l -> l.availableAt().isAfter(now))
                    .thenComparing(SPENDING_ORDER);
            long found = draft.consume(order, l -> l.live(now), points).stream().mapToLong(Take::points).sum();
            draft.owe(points - found);
            draft.add(PlannedEntry.reverse(account.member(), points, purchase, returnId));
        }
        return draft.plan();
    }

    /** A visit and its spend outside a purchase (a return takes them back). */
    public static PostingPlan activity(LockedAccount account, BigDecimal spend, int visits, Instant now) {
        PlanDraft draft = new PlanDraft(account, now);
        draft.activity(spend, visits, now);
        return draft.plan();
    }

    /**
     * Available points from one member to another, the sender's plan first. Each part keeps its
     * expiry date; the recipient's debt is paid from the part that expires first.
     */
    public static List<PostingPlan> transfer(LockedAccount from, LockedAccount to, long points, UUID transfer,
                                             Instant now) {
        PlanDraft sender = new PlanDraft(from, now);
        List<Take> parts = sender.spend(points);
        sender.add(PlannedEntry.transfer(from.member(), -points, transfer));
        PlanDraft recipient = new PlanDraft(to, now);
        for (Take part : parts.stream().sorted(Comparator.comparing((Take t) -> t.lot().expiresAt(),
                Comparator.nullsLast(Comparator.naturalOrder()))).toList()) {
            long paid = recipient.pay(part.points());
            recipient.lot(part.points() - paid, now, part.lot().expiresAt(), null);
        }
        recipient.add(PlannedEntry.transfer(to.member(), points, transfer));
        return List.of(sender.plan(), recipient.plan());
    }

    /**
     * The account after a purchase, from its sums alone (a quote reads no lots): the redemption
     * leaves what is available, the earning pays the debt first and the rest becomes a lot,
     * available now or pending. The same arithmetic as every planned write.
     */
    static Account forecast(Account before, long redeem, long earned, boolean availableNow, BigDecimal spend,
                            int visits, Instant at) {
        PlanDraft draft = new PlanDraft(new LockedAccount(before, List.of()), at);
        draft.spendFromSums(redeem);
        long paid = draft.pay(earned);
        draft.lotFromSums(earned - paid, availableNow);
        draft.balance(earned - redeem);
        draft.earned(earned);
        draft.activity(spend, visits, at);
        return draft.plan().after().account();
    }

    static ApiProblem insufficient(long available, long requested) {
        return new ApiProblem(409, "insufficient_points", "The member has " + Math.max(0, available)
                + " points available, " + requested + " requested", List.of(), Map.of("available", available));
    }
}
