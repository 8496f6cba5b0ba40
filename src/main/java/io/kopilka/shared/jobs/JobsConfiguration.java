package io.kopilka.shared.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One db-scheduler for every module's recurring jobs (points expiry, tier re-evaluation, ...): with
 * several app instances on one database, each run is picked by exactly one of them. Modules declare
 * their jobs as {@link RecurringTask} beans; one scheduler shares one table, because db-scheduler
 * removes the rows of tasks it does not know.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kopilka.jobs.enabled", havingValue = "true", matchIfMissing = true)
class JobsConfiguration {

    @Bean(destroyMethod = "stop")
    Scheduler jobScheduler(DataSource dataSource, List<RecurringTask<?>> jobs) {
        Scheduler scheduler = Scheduler.create(dataSource)
                .startTasks(jobs)
                .threads(2)
                .pollingInterval(Duration.ofSeconds(10))
                .build();
        scheduler.start();
        return scheduler;
    }
}
