package io.kopilka.ledger;

import io.kopilka.shared.TenantId;
import java.time.Instant;

/** Writes off points past their expiry. Safe to run on several instances at once. */
public interface PointsExpiry {

    /**
     * Expires every lot due at {@code now}, in batches, with a {@link PointsExpired} per member in
     * each batch's transaction; returns how many lots were written off.
     */
    int expireDue(Instant now);

    /** The same for one tenant's lots only (an admin runs the tenant's job now). */
    int expireDue(TenantId tenant, Instant now);
}
