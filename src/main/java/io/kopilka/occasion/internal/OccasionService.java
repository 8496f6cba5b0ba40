package io.kopilka.occasion.internal;

import io.kopilka.occasion.Occasions;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenants;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
class OccasionService implements Occasions {
    private static final Logger log = LoggerFactory.getLogger(OccasionService.class);

    private final BirthdayRun birthdays;
    private final WinBackRun winBack;
    private final Tenants tenants;

    OccasionService(BirthdayRun birthdays, WinBackRun winBack, Tenants tenants) {
        this.birthdays = birthdays;
        this.winBack = winBack;
        this.tenants = tenants;
    }

    @Override
    public JobRun birthdays(TenantId tenant, Instant now) {
        return birthdays.run(tenant, now, true);
    }

    @Override
    public JobRun winBack(TenantId tenant, Instant now) {
        return winBack.run(tenant, now);
    }

    @Override
    public AtRiskPage atRisk(TenantId tenant, AtRiskCursor after, int limit, Instant now) {
        return winBack.atRisk(tenant, after, limit, now);
    }

    @Override
    public void runDue(Instant now) {
        for (TenantId tenant : tenants.ids()) {
            // One tenant's failure (a reward gone, a bad row) must not keep the others' birthdays back.
            try {
                if (birthdays.due(tenant, now)) {
                    JobRun run = birthdays.run(tenant, now, false);
                    log.info("Birthdays of tenant {}: {}", tenant, run);
                }
                if (winBack.due(tenant, now)) {
                    JobRun run = winBack.run(tenant, now);
                    log.info("Win-back of tenant {}: {}", tenant, run);
                }
            } catch (RuntimeException e) {
                log.error("Occasions of tenant {} failed; the next round tries again", tenant, e);
            }
        }
    }
}
