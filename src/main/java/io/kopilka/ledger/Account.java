package io.kopilka.ledger;

import io.kopilka.shared.MemberId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A member's points at one instant, read under the member's lock.
 *
 * @param balance        Σ of all entries (includes lots past expiry that the job has not yet written off)
 * @param debt           points taken back by returns after they were spent; paid by the next credits
 * @param availableLots  Σ remaining of lots available now and not expired
 * @param pending        Σ remaining of lots not yet available (pending days) and not expired
 */
public record Account(MemberId member, long balance, long debt, long availableLots, long pending,
                      long lifetimeEarned, BigDecimal lifetimeSpend, int visits, Instant lastActivityAt) {

    /**
     * The account after a purchase spends {@code redeem} and earns {@code earned} points (available now
     * or pending): the earning pays the debt first and the rest becomes a lot. One rule for the
     * ledger's write and for a quote's forecast.
     */
    public Account after(long redeem, long earned, boolean availableNow, BigDecimal spend, int visits, Instant at) {
        long paid = Math.min(debt, earned);
        long lot = earned - paid;
        return new Account(member, balance - redeem + earned, debt - paid,
                availableLots - redeem + (availableNow ? lot : 0), pending + (availableNow ? 0 : lot),
                lifetimeEarned + earned, lifetimeSpend.add(spend), this.visits + visits,
                lastActivityAt == null || at.isAfter(lastActivityAt) ? at : lastActivityAt);
    }

    /** What the member may spend now; below zero only while a return's debt exceeds their points. */
    public long available() {
        return availableLots - debt;
    }
}
