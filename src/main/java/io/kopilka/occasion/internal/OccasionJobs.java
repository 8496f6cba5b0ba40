package io.kopilka.occasion.internal;

import io.kopilka.ledger.PointsExpiry;
import io.kopilka.occasion.Occasions;
import io.kopilka.occasion.TenantJobs;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.jobs.TenantJob;
import io.kopilka.shared.jobs.TenantJob.Report;
import io.kopilka.tier.Tiers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a tenant's job now. The caller's transaction (the request's idempotency) is set aside while the
 * job runs, so the job's batches commit one by one as they do when the scheduler runs them.
 */
@Service
class OccasionJobs implements TenantJobs {
    private final Occasions occasions;
    private final PointsExpiry expiry;
    private final Tiers tiers;
    private final Map<String, TenantJob> others = new TreeMap<>();
    private final TransactionTemplate outside;

    OccasionJobs(Occasions occasions, PointsExpiry expiry, Tiers tiers, List<TenantJob> others,
                 PlatformTransactionManager transactions) {
        this.occasions = occasions;
        this.expiry = expiry;
        this.tiers = tiers;
        for (TenantJob job : others) {
            if (OWN.contains(job.name()) || this.others.put(job.name(), job) != null) {
                throw new IllegalStateException("two jobs are called " + job.name());
            }
        }
        this.outside = new TransactionTemplate(transactions);
        outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>(OWN);
        names.addAll(others.keySet());
        return List.copyOf(names);
    }

    @Override
    public Optional<Report> run(TenantId tenant, String job, Instant now) {
        TenantJob other = others.get(job);
        if (other != null) {
            return Optional.ofNullable(outside.execute(status -> other.run(tenant, now)));
        }
        if (!OWN.contains(job)) {
            return Optional.empty();
        }
        return Optional.ofNullable(outside.execute(status -> switch (job) {
            case "birthday" -> occasion(job, occasions.birthdays(tenant, now));
            case "win_back" -> occasion(job, occasions.winBack(tenant, now));
            case "expiry" -> {
                long lots = expiry.expireDue(tenant, now);
                yield new Report(job, lots, Map.of("lots", lots));
            }
            case "tier_reevaluation" -> {
                long changed = tiers.reevaluate(tenant, now);
                yield new Report(job, changed, Map.of("levelChanges", changed));
            }
            default -> throw new IllegalStateException("a job without a runner: " + job);
        }));
    }

    private static Report occasion(String job, Occasions.JobRun run) {
        Map<String, Long> given = new LinkedHashMap<>();
        given.put("members", (long) run.members());
        given.put("points", run.points());
        given.put("coupons", (long) run.coupons());
        return new Report(job, run.processed(), given);
    }
}
