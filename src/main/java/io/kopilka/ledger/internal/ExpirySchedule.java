package io.kopilka.ledger.internal;

import io.kopilka.shared.Now;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.kopilka.ledger.PointsExpiry;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the expiry on db-scheduler: with several app instances on one database, each run is picked
 * by exactly one of them. The job itself is also safe to run twice at once (see SqlPointsExpiry).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "kopilka.jobs.enabled", havingValue = "true", matchIfMissing = true)
class ExpirySchedule {

    @Bean(destroyMethod = "stop")
    Scheduler jobScheduler(DataSource dataSource, PointsExpiry expiry, Clock clock,
                           @Value("${kopilka.jobs.expiry-interval:PT1M}") Duration interval) {
        RecurringTask<Void> expire = Tasks.recurring("points-expiry", FixedDelay.of(interval))
                .execute((instance, context) -> expiry.expireDue(Now.of(clock)));
        Scheduler scheduler = Scheduler.create(dataSource)
                .startTasks(expire)
                .threads(2)
                .pollingInterval(Duration.ofSeconds(10))
                .build();
        scheduler.start();
        return scheduler;
    }
}
