package io.kopilka.occasion;

import io.kopilka.shared.TenantId;
import io.kopilka.shared.jobs.TenantJob;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's daily jobs, run now by an admin: {@code birthday}, {@code win_back}, {@code expiry} (the
 * ledger's points expiry of this tenant), {@code tier_reevaluation}, and every {@link TenantJob} other
 * modules provide. Each is idempotent by nature: run twice, it does nothing twice.
 */
public interface TenantJobs {
    List<String> OWN = List.of("birthday", "win_back", "expiry", "tier_reevaluation");

    /** Every job's name: the four above, then the other modules' in name order. */
    List<String> names();

    /**
     * Runs the job outside any transaction of the caller's; empty for a name that is no job. Its report
     * says, for the occasions, {@code members}, {@code points} and {@code coupons}; {@code lots} for expiry;
     * {@code levelChanges} for tiers; what the other modules' jobs say of themselves.
     */
    Optional<TenantJob.Report> run(TenantId tenant, String job, Instant now);
}
