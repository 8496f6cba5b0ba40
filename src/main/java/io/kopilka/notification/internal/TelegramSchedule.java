package io.kopilka.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads the tenants' bots every few seconds, on one instance at a time (two readers would steal each other's updates). */
@Configuration(proxyBeanMethods = false)
class TelegramSchedule {

    @Bean
    RecurringTask<Void> telegramPollJob(TelegramPolling polling,
                                        @Value("${kopilka.jobs.telegram-poll-interval:PT3S}") Duration interval) {
        return Tasks.recurring("telegram-poll", FixedDelay.of(interval))
                .execute((instance, context) -> polling.pollOnce());
    }
}
