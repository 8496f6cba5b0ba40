package io.kopilka.occasion.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.kopilka.occasion.Occasions;
import io.kopilka.shared.Now;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The occasions' round, every {@code kopilka.jobs.occasions-interval} (default 15 minutes): each tenant
 * whose local date has moved past the last day processed gets that day's birthdays and win-back. So a
 * tenant's day is processed within the interval after its own midnight, whatever its time zone.
 */
@Configuration(proxyBeanMethods = false)
class OccasionSchedule {

    @Bean
    RecurringTask<Void> occasionsJob(Occasions occasions, Clock clock,
                                     @Value("${kopilka.jobs.occasions-interval:PT15M}") Duration interval) {
        return Tasks.recurring("occasions", FixedDelay.of(interval))
                .execute((instance, context) -> occasions.runDue(Now.of(clock)));
    }
}
