package io.kopilka.shared.events;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event resubmission, every {@code kopilka.jobs.event-resubmission-interval} (default a minute), on one instance. */
@Configuration(proxyBeanMethods = false)
class EventResubmissionSchedule {

    @Bean
    RecurringTask<Void> eventResubmissionJob(EventResubmission resubmission,
                                             @Value("${kopilka.jobs.event-resubmission-interval:PT1M}") Duration interval) {
        return Tasks.recurring("event-resubmission", FixedDelay.of(interval))
                .execute((instance, context) -> resubmission.resubmit());
    }
}
