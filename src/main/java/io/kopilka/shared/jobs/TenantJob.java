package io.kopilka.shared.jobs;

import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.Map;

/**
 * One of a tenant's daily jobs that an admin may run now ({@code POST /api/v1/jobs/{name}/run}). A module
 * with a daily job provides it as a bean; the jobs endpoint finds them all, so it depends on none of them.
 */
public interface TenantJob {

    /** The job's name in the URL, in snake_case: {@code expiry_reminders}. */
    String name();

    /**
     * Runs the job for one tenant, outside any transaction of the caller's (its batches commit one by one,
     * as when the scheduler runs it). Idempotent by nature: run twice, it does nothing twice.
     */
    Report run(TenantId tenant, Instant now);

    /**
     * @param processed what the job looked at
     * @param given     what it did, by kind
     */
    record Report(String job, long processed, Map<String, Long> given) {
    }
}
