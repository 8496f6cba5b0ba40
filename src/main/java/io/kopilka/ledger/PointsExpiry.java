package io.kopilka.ledger;

import java.time.Instant;

/** Writes off points past their expiry. Safe to run on several instances at once. */
public interface PointsExpiry {

    /** Expires every lot due at {@code now}, in batches; returns how many lots were written off. */
    int expireDue(Instant now);
}
