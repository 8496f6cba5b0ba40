package io.kopilka.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.kopilka.shared.Now;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily reminders' round, every {@code kopilka.jobs.reminders-interval} (default 15 minutes): each tenant
 * whose local time has passed 10:00 and whose day is not done yet gets its run ({@link DailyReminders}).
 */
@Configuration(proxyBeanMethods = false)
class ReminderSchedule {

    @Bean
    RecurringTask<Void> remindersJob(DailyReminders reminders, Clock clock,
                                     @Value("${kopilka.jobs.reminders-interval:PT15M}") Duration interval) {
        return Tasks.recurring("reminders", FixedDelay.of(interval))
                .execute((instance, context) -> reminders.runDue(Now.of(clock)));
    }
}
