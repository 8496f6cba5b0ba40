package io.kopilka.notification.internal;

import io.kopilka.notification.ReminderDays;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.jobs.TenantJob;
import io.kopilka.shared.jobs.TenantJob.Report;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A tenant's reminder jobs (expiry, balance, coupons) once a local day, after 10:00. The day is marked done in
 * {@code notification_day} only once all three ran to the end: one that failed leaves the day open for the
 * next round, and the jobs' own keys (one notice per member, kind and occasion) make the jobs that did run
 * give nothing twice. A round no longer walks every member of every tenant four times an hour.
 */
@Component
class DailyReminders {
    private static final Logger log = LoggerFactory.getLogger(DailyReminders.class);
    static final LocalTime FROM = LocalTime.of(10, 0);

    private final List<TenantJob> jobs;
    private final Tenants tenants;
    private final ReminderDayStore days;

    DailyReminders(ExpiryReminders expiry, BalanceReminders balance, CouponReminders coupons, Tenants tenants,
                   ReminderDayStore days) {
        this.jobs = List.of(expiry, balance, coupons);
        this.tenants = tenants;
        this.days = days;
    }

    /** Runs every tenant whose day is due; what each ran, by tenant (tenants not due are absent). */
    Map<TenantId, List<Report>> runDue(Instant now) {
        Map<TenantId, List<Report>> ran = new LinkedHashMap<>();
        for (TenantId id : tenants.ids()) {
            Tenant tenant = tenants.get(id);
            if (!ReminderDays.dayDue(days.done(id), FROM, now, tenant.timezone())) {
                continue;
            }
            LocalDate today = now.atZone(tenant.timezone()).toLocalDate();
            List<Report> reports = new ArrayList<>();
            boolean complete = true;
            for (TenantJob job : jobs) {
                // One job's failure (a bad row) keeps neither the tenant's other reminders nor other tenants back.
                try {
                    reports.add(job.run(id, now));
                } catch (RuntimeException e) {
                    complete = false;
                    log.error("The {} of tenant {} failed; the next round tries again", job.name(), id, e);
                }
            }
            if (complete) {
                days.markDone(id, today, now);
            }
            log.info("Reminders of tenant {} for {}: {}", id, today, reports);
            ran.put(id, reports);
        }
        return ran;
    }
}
