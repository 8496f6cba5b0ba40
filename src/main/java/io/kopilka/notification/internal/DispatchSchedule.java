package io.kopilka.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The poll that sends what the kick after commit did not: messages after quiet hours, retries, and what a
 * stop left queued. On one instance at a time, and safe on two (claims skip each other's rows).
 */
@Configuration(proxyBeanMethods = false)
class DispatchSchedule {

    @Bean
    RecurringTask<Void> notificationDispatchJob(Dispatcher dispatcher,
                                                @Value("${kopilka.jobs.notification-dispatch-interval:PT2S}")
                                                Duration interval) {
        return Tasks.recurring("notification-dispatch", FixedDelay.of(interval))
                .execute((instance, context) -> dispatcher.dispatchDue());
    }
}
