package io.kopilka.reward.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.kopilka.reward.CouponExpiry;
import io.kopilka.shared.Now;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The coupon expiry job, run by the shared job scheduler on one instance at a time (and safe to run twice at once). */
@Configuration(proxyBeanMethods = false)
class CouponExpirySchedule {

    @Bean
    RecurringTask<Void> couponExpiryJob(CouponExpiry expiry, Clock clock,
                                        @Value("${kopilka.jobs.coupon-expiry-interval:PT5M}") Duration interval) {
        return Tasks.recurring("coupon-expiry", FixedDelay.of(interval))
                .execute((instance, context) -> expiry.expireDue(Now.of(clock)));
    }
}
