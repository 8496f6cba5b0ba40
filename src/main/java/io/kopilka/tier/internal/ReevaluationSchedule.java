package io.kopilka.tier.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.kopilka.shared.Now;
import io.kopilka.tier.Tiers;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tier re-evaluation, once a day, run by the shared job scheduler on one instance. The hour
 * and its zone are settings ({@code kopilka.jobs.tier-reevaluation-time},
 * {@code kopilka.jobs.tier-reevaluation-zone}); pick a quiet hour for most tenants.
 */
@Configuration(proxyBeanMethods = false)
class ReevaluationSchedule {
    private static final Logger log = LoggerFactory.getLogger(ReevaluationSchedule.class);

    @Bean
    RecurringTask<Void> tierReevaluationJob(Tiers tiers, Clock clock,
                                            @Value("${kopilka.jobs.tier-reevaluation-time:03:00}") String at,
                                            @Value("${kopilka.jobs.tier-reevaluation-zone:UTC}") String zone) {
        return Tasks.recurring("tier-reevaluation", Schedules.daily(ZoneId.of(zone), LocalTime.parse(at)))
                .execute((instance, context) -> {
                    int changed = tiers.reevaluateAll(Now.of(clock));
                    log.info("Tier re-evaluation moved {} members", changed);
                });
    }
}
