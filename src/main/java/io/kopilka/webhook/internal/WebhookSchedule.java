package io.kopilka.webhook.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The poll for what the kick after the commit did not send: retries when due, and whatever a crash or a
 * restart left. Run by the shared job scheduler on one instance at a time.
 */
@Configuration(proxyBeanMethods = false)
class WebhookSchedule {

    @Bean
    RecurringTask<Void> webhookDeliveryJob(WebhookDispatcher dispatcher,
                                           @Value("${kopilka.jobs.webhook-delivery-interval:PT5S}") Duration interval) {
        return Tasks.recurring("webhook-delivery", FixedDelay.of(interval))
                .execute((instance, context) -> dispatcher.deliverDue());
    }
}
