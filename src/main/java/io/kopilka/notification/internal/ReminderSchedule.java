package io.kopilka.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.kopilka.shared.Now;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily reminders, every {@code kopilka.jobs.reminders-interval} (default 15 minutes): each tenant whose
 * local time has passed 10:00 gets its run. Needing no bookkeeping of days is what the jobs' own keys give:
 * the expiry reminders give at most one digest a member a day ({@code expiry_reminder}), so a tenant run
 * again the same day finds nothing to do, and a run missed one day is caught up the next.
 */
@Configuration(proxyBeanMethods = false)
class ExpiryReminderSchedule {
    private static final Logger log = LoggerFactory.getLogger(ExpiryReminderSchedule.class);
    static final LocalTime FROM = LocalTime.of(10, 0);

    @Bean
    RecurringTask<Void> expiryRemindersJob(ExpiryReminders reminders, Tenants tenants, Clock clock,
                                           @Value("${kopilka.jobs.reminders-interval:PT15M}") Duration interval) {
        return Tasks.recurring("expiry-reminders", FixedDelay.of(interval)).execute((instance, context) -> {
            Instant now = Now.of(clock);
            for (var id : tenants.ids()) {
                Tenant tenant = tenants.get(id);
                if (!now.atZone(tenant.timezone()).toLocalTime().isBefore(FROM)) {
                    try {
                        reminders.run(id, now);
                    } catch (RuntimeException e) {
                        log.error("Expiry reminders of tenant {} failed; the next round tries again", id, e);
                    }
                }
            }
        });
    }
}
