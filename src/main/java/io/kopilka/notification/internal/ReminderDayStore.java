package io.kopilka.notification.internal;

import io.kopilka.shared.TenantId;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code notification_day}: the last local date whose reminders ran to the end, per tenant. */
@Repository
class ReminderDayStore {
    private final JdbcClient jdbc;

    ReminderDayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LocalDate> done(TenantId tenant) {
        return jdbc.sql("SELECT reminders_done FROM notification_day WHERE tenant_id = :tenant")
                .param("tenant", tenant.value()).query((rs, i) -> rs.getDate(1).toLocalDate()).optional();
    }

    void markDone(TenantId tenant, LocalDate day, Instant now) {
        jdbc.sql("""
                INSERT INTO notification_day (tenant_id, reminders_done, updated_at) VALUES (:tenant, :day, :now)
                ON CONFLICT (tenant_id) DO UPDATE SET reminders_done = GREATEST(notification_day.reminders_done,
                       EXCLUDED.reminders_done), updated_at = EXCLUDED.updated_at""")
                .param("tenant", tenant.value()).param("day", Date.valueOf(day)).param("now", Timestamp.from(now))
                .update();
    }
}
