package io.kopilka.occasion.web;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.occasion.TenantJobs;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * An admin runs one of the tenant's daily jobs now. The job is idempotent by nature (a birthday
 * already given is not given again); the {@code Idempotency-Key} also keeps and replays the answer.
 */
@RestController
@Tag(name = "Jobs")
class JobController {
    private final TenantJobs jobs;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final Clock clock;

    JobController(TenantJobs jobs, Idempotency idempotency, AuditLog audit, Clock clock) {
        this.jobs = jobs;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
    }

    record JobRunView(@Schema(allowableValues = {"birthday", "win_back", "expiry", "tier_reevaluation",
            "expiry_reminders", "balance_reminders", "coupon_reminders"}) String job,
                      @Schema(description = "What the job looked at: members due or gone, lots expired, members "
                              + "whose level changed") long processed,
                      @Schema(description = "What it did: `members`, `points`, `coupons` for birthday and win_back; "
                              + "`lots` for expiry; `levelChanges` for tier_reevaluation") Map<String, Long> given) {
    }

    /** What the key's fingerprint is taken of: the job's name (the request has no body). */
    record JobRequest(String job) {
    }

    @PostMapping("/api/v1/jobs/{name}/run")
    @Operation(operationId = "runJob", summary = "Run one of the tenant's daily jobs now and see what it did")
    @ApiResponse(responseCode = "200", description = "The job ran (or, with the same `Idempotency-Key`, the first "
            + "run's answer)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = "`unknown_job`: no job has this name")
    JobRunView run(@AuthenticationPrincipal Caller caller,
                   @Parameter(description = "birthday, win_back, expiry, tier_reevaluation, expiry_reminders, "
                           + "balance_reminders or coupon_reminders") @PathVariable String name,
                   @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (!jobs.names().contains(name)) {
            throw new ApiProblem(404, "unknown_job", "No job is called " + name + "; the jobs are "
                    + String.join(", ", jobs.names()), List.of(), Map.of());
        }
        return idempotency.run(caller.tenant(), "job", key, new JobRequest(name), JobRunView.class, () -> {
            var report = jobs.run(caller.tenant(), name, Now.of(clock)).orElseThrow();
            var view = new JobRunView(report.job(), report.processed(), report.given());
            audit.record(caller, new Change("job.run", "job", name, null, view, null));
            return view;
        }).body();
    }
}
