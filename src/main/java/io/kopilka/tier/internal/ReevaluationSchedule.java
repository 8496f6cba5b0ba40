package io.kopilka.tier.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.kopilka.shared.Now;
import io.kopilka.tier.Tiers;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the tier re-evaluation once a day on db-scheduler: with several app instances, one of them
 * runs it. The hour and its zone are settings ({@code kopilka.jobs.tier-reevaluation-time},
 * {@code kopilka.jobs.tier-reevaluation-zone}); pick a quiet hour for most tenants.
 *
 * <p>This scheduler has its own table (tier_scheduled_tasks, see V4): db-scheduler deletes the rows of
 * tasks it does not know from its table, so two schedulers must not share one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kopilka.jobs.enabled", havingValue = "true", matchIfMissing = true)
class ReevaluationSchedule {
    private static final Logger log = LoggerFactory.getLogger(ReevaluationSchedule.class);

    @Bean(destroyMethod = "stop")
    Scheduler tierScheduler(DataSource dataSource, Tiers tiers, Clock clock,
                            @Value("${kopilka.jobs.tier-reevaluation-time:03:00}") String at,
                            @Value("${kopilka.jobs.tier-reevaluation-zone:UTC}") String zone) {
        RecurringTask<Void> reevaluate = Tasks.recurring("tier-reevaluation",
                        Schedules.daily(ZoneId.of(zone), LocalTime.parse(at)))
                .execute((instance, context) -> {
                    int changed = tiers.reevaluateAll(Now.of(clock));
                    log.info("Tier re-evaluation moved {} members", changed);
                });
        Scheduler scheduler = Scheduler.create(dataSource)
                .tableName("tier_scheduled_tasks")
                .startTasks(reevaluate)
                .threads(1)
                .pollingInterval(Duration.ofSeconds(30))
                .build();
        scheduler.start();
        return scheduler;
    }
}
