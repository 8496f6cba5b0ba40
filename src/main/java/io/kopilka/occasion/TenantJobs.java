package io.kopilka.occasion;

import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's daily jobs, run now by an admin: {@code birthday}, {@code win_back}, {@code expiry} (the
 * ledger's points expiry of this tenant) and {@code tier_reevaluation}. Each is idempotent by nature:
 * run twice, it does nothing twice.
 */
public interface TenantJobs {
    List<String> NAMES = List.of("birthday", "win_back", "expiry", "tier_reevaluation");

    /** Runs the job outside any transaction of the caller's; empty for a name that is no job. */
    Optional<Report> run(TenantId tenant, String job, Instant now);

    /**
     * @param processed what the job looked at (members due, lots expired, members re-evaluated that moved)
     * @param given     what it did, by kind: {@code members}, {@code points}, {@code coupons} for the
     *                  occasions, {@code lots} for expiry, {@code levelChanges} for tiers
     */
    record Report(String job, long processed, Map<String, Long> given) {
    }
}
