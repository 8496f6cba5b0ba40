package io.kopilka.ledger;

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
 * row is the member's lock and materialised balance. Methods that change points expect the caller
 * to hold the member's lock ({@link #lock}) in the same transaction; they join it.
 */
public interface Ledger {

    /** Locks the member's account until the transaction ends and reads it as of {@code now}. */
    Account lock(TenantId tenant, MemberId member, Instant now);

    /** Locks several members in a fixed order (by id), so that opposite transfers cannot deadlock. */
    List<Account> lockAll(TenantId tenant, List<MemberId> members, Instant now);

    /** Reads the member's account as of {@code now} without locking it (quotes, simulations). */
    Account peek(TenantId tenant, MemberId member, Instant now);

    Balance balance(TenantId tenant, MemberId member, Instant now);

    /**
     * Writes what a purchase does to a member's points, for an account locked by {@link #lock} in this
     * transaction, in one statement: the redemption (first-expiring-first), the earning (debt first,
     * then a lot), both entries, and the spend and visit. Returns the account afterwards.
     */
    Account post(TenantId tenant, Account locked, Posting posting, Instant now);

    /** A purchase's effect on points: {@code earn} may be null; {@code spend} is what the customer paid. */
    record Posting(PurchaseId purchaseId, long redeem, Credit earn, BigDecimal spend, int visits) {
    }

    /** Gives points: pays the member's debt first, puts the rest in a new lot. */
    void credit(TenantId tenant, MemberId member, Credit credit, Instant now);

    /** Spends available points first-expiring-first; refuses with 409 if there are not enough. */
    void spend(TenantId tenant, MemberId member, EntryType type, long points, PurchaseId purchaseId, String reason,
               String note, String actor, Instant now);

    /**
     * Takes back points earned by a purchase (a return): from that purchase's own lot first, then from
     * other live lots; what cannot be found becomes debt, so the balance may go below zero.
     */
    void takeBack(TenantId tenant, MemberId member, long points, PurchaseId purchaseId, ReturnId returnId, Instant now);

    /** Moves available points between two members of a tenant; each keeps its expiry date. */
    UUID transfer(TenantId tenant, MemberId from, MemberId to, long points, Instant now);

    /** After inactivity expiry: activity pushes all of the member's live points to {@code newExpiry}. */
    void extendExpiry(TenantId tenant, MemberId member, Instant newExpiry, Instant now);

    /** Records a visit and its spend outside a purchase (a return takes them back). */
    void recordActivity(TenantId tenant, MemberId member, BigDecimal spend, int visits, Instant now);

    List<Entry> history(TenantId tenant, MemberId member, Instant beforeCreatedAt, UUID beforeId, int limit);
}
