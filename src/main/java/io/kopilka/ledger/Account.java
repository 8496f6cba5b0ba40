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

    /** What the member may spend now; below zero only while a return's debt exceeds their points. */
    public long available() {
        return availableLots - debt;
    }
}
