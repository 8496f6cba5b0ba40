package io.kopilka.ledger;

import java.time.Instant;

/** Writes off points past their expiry. Safe to run on several instances at once. */
public interface PointsExpiry {

    /**
     * Expires every lot due at {@code now}, in batches, with a {@link PointsExpired} per member in
     * each batch's transaction; returns how many lots were written off.
     */
    int expireDue(Instant now);
}
