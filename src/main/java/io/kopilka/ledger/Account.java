package io.kopilka.ledger;

import io.kopilka.shared.MemberId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A member's points at one instant.
 *
 * @param balance        Σ of all entries (includes lots past expiry that the job has not yet written off)
 * @param debt           points taken back by returns after they were spent; paid by the next credits
 * @param availableLots  Σ remaining of lots available now and not expired
 * @param pending        Σ remaining of lots not yet available (pending days) and not expired
 */
public record Account(MemberId member, long balance, long debt, long availableLots, long pending,
                      long lifetimeEarned, BigDecimal lifetimeSpend, int visits, Instant lastActivityAt) {

    /** The account row's figures with the sums of its lots as they stand at {@code now}. */
    public static Account of(MemberId member, long balance, long debt, long lifetimeEarned, BigDecimal lifetimeSpend,
                             int visits, Instant lastActivityAt, List<Lot> lots, Instant now) {
        long available = lots.stream().filter(l -> l.spendable(now)).mapToLong(Lot::remaining).sum();
        long pending = lots.stream().filter(l -> l.live(now) && !l.spendable(now)).mapToLong(Lot::remaining).sum();
        return new Account(member, balance, debt, available, pending, lifetimeEarned, lifetimeSpend, visits,
                lastActivityAt);
    }

    /**
     * The account after a purchase spends {@code redeem} and earns {@code earned} points (available now
     * or pending), for a quote's forecast: the same arithmetic as the ledger's write ({@link PostingPlan}).
     */
    public Account after(long redeem, long earned, boolean availableNow, BigDecimal spend, int visits, Instant at) {
        return PostingPlan.forecast(this, redeem, earned, availableNow, spend, visits, at);
    }

    /** What the member may spend now; below zero only while a return's debt exceeds their points. */
    public long available() {
        return availableLots - debt;
    }
}
