package io.kopilka.ledger.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.kopilka.ledger.PointsExpiry;
import io.kopilka.shared.Now;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The expiry job, run by the shared job scheduler on one instance at a time. The job itself is
 * also safe to run twice at once (see SqlPointsExpiry).
 */
@Configuration(proxyBeanMethods = false)
class ExpirySchedule {

    @Bean
    RecurringTask<Void> pointsExpiryJob(PointsExpiry expiry, Clock clock,
                                        @Value("${kopilka.jobs.expiry-interval:PT1M}") Duration interval) {
        return Tasks.recurring("points-expiry", FixedDelay.of(interval))
                .execute((instance, context) -> expiry.expireDue(Now.of(clock)));
    }
}
