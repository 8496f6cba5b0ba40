package io.kopilka.ledger;

import io.kopilka.member.Member;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import io.kopilka.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The points ledger. Entries are only appended; lots carry what is left of each credit; the account
 * row is the member's lock and materialised balance.
 *
 * <p>Every write to a member's points takes the {@link LockedAccount} that {@link #lock} returned in
 * the caller's transaction (they run with propagation MANDATORY: never outside one) and returns the
 * account after it, for the next write. What a write does is planned first ({@link PostingPlan}) and
 * then written. {@link #adjust} and {@link #transfer} are whole operations: they take their locks.
 */
public interface Ledger {

    /** Locks the member's account until the transaction ends and reads it, with its live lots, as of {@code now}. */
    LockedAccount lock(TenantId tenant, MemberId member, Instant now);

    /** Locks several members in a fixed order (by id), so that opposite transfers cannot deadlock. */
    List<LockedAccount> lockAll(TenantId tenant, List<MemberId> members, Instant now);

    /** Reads the member's account as of {@code now} without locking it (quotes, simulations). */
    Account peek(TenantId tenant, MemberId member, Instant now);

    Balance balance(TenantId tenant, MemberId member, Instant now);

    /**
     * Writes what a purchase does to a member's points, in one statement: the redemption
     * (first-expiring-first), the earning (debt first, then a lot), both entries, and the spend and visit.
     */
    LockedAccount post(TenantId tenant, LockedAccount locked, Posting posting, Instant now);

    /**
     * {@link #post} for the purchases of several members at once, all in one statement (a batch of
     * purchases written together); each account at most once. Returns the accounts after, in order.
     */
    List<LockedAccount> postAll(TenantId tenant, List<LockedAccount> locked, List<Posting> postings, Instant now);

    /** A purchase's effect on points: {@code earn} may be null; {@code spend} is what the customer paid. */
    record Posting(PurchaseId purchaseId, long redeem, Credit earn, BigDecimal spend, int visits) {
    }

    /** Gives points: pays the member's debt first, puts the rest in a new lot. */
    LockedAccount credit(TenantId tenant, LockedAccount locked, Credit credit, Instant now);

    /** Spends available points first-expiring-first; refuses with 409 if there are not enough. */
    LockedAccount spend(TenantId tenant, LockedAccount locked, Debit debit, Instant now);

    /**
     * Takes back points earned by a purchase (a return): from that purchase's own lot first, then from
     * other live lots; what cannot be found becomes debt, so the balance may go below zero.
     */
    LockedAccount takeBack(TenantId tenant, LockedAccount locked, long points, PurchaseId purchaseId,
                           ReturnId returnId, Instant now);

    /** Expiry after inactivity: activity pushes all live points to {@code newExpiry}; null changes nothing. */
    LockedAccount extendExpiry(TenantId tenant, LockedAccount locked, Instant newExpiry, Instant now);

    /** Records a visit and its spend outside a purchase (a return takes them back). */
    LockedAccount recordActivity(TenantId tenant, LockedAccount locked, BigDecimal spend, int visits, Instant now);

    /**
     * Gives or takes points by hand, in the caller's transaction or its own: 409 {@code member_erased}
     * for an erased member, 409 {@code insufficient_points} when taking more than is available. Points
     * given expire as the program says from {@code now}.
     *
     * @param actor who did it ({@code key:<api key id>}), kept on the entry
     */
    LockedAccount adjust(TenantId tenant, Member member, Adjustment adjustment, String actor, Instant now);

    /**
     * Moves available points between two members of a tenant, in the caller's transaction or its own;
     * each part keeps its expiry date. 422 for the same member twice, 409 {@code member_erased} or
     * {@code insufficient_points}.
     */
    Transfer transfer(TenantId tenant, Member from, Member to, long points, Instant now);

    List<Entry> history(TenantId tenant, MemberId member, Instant beforeCreatedAt, UUID beforeId, int limit);
}
