package io.kopilka.notification.internal;

import io.kopilka.notification.ExpiryReminderPlan.Reminder;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reminders given ({@code expiry_reminder}): what a member was told, and when last. */
@Repository
class ExpiryReminderStore {
    private final JdbcClient jdbc;

    ExpiryReminderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's reminders for dates from {@code from} on (older ones can no longer fall due). */
    Set<Reminder> given(TenantId tenant, MemberId member, LocalDate from) {
        return new HashSet<>(jdbc.sql("""
                SELECT expires_on, lead_days FROM expiry_reminder
                WHERE tenant_id = :tenant AND member_id = :member AND expires_on >= :from""")
                .param("tenant", tenant.value()).param("member", member.value()).param("from", from)
                .query((rs, i) -> new Reminder(rs.getObject(1, LocalDate.class), rs.getInt(2))).list());
    }

    Optional<Instant> lastRemindedAt(TenantId tenant, MemberId member) {
        return jdbc.sql("""
                SELECT max(reminded_at) FROM expiry_reminder WHERE tenant_id = :tenant AND member_id = :member""")
                .param("tenant", tenant.value()).param("member", member.value())
                .query((rs, i) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /**
     * Marks the reminders given; returns false when another run marked one of them first (its transaction
     * committed while this one waited on the key): the caller then rolls back, having reminded nobody twice.
     */
    boolean mark(TenantId tenant, MemberId member, List<Reminder> reminders, UUID notification, Instant at) {
        int inserted = jdbc.sql("""
                INSERT INTO expiry_reminder (tenant_id, member_id, expires_on, lead_days, notification_id, reminded_at)
                SELECT :tenant, :member, r.expires_on, r.lead_days, :notification, :at
                FROM unnest(CAST(:dates AS date[]), CAST(:leads AS int[])) AS r(expires_on, lead_days)
                ON CONFLICT DO NOTHING""")
                .param("tenant", tenant.value()).param("member", member.value())
                .param("dates", reminders.stream().map(r -> java.sql.Date.valueOf(r.expiresOn())).toArray(java.sql.Date[]::new))
                .param("leads", reminders.stream().map(Reminder::leadDays).toArray(Integer[]::new))
                .param("notification", notification).param("at", Timestamp.from(at))
                .update();
        return inserted == reminders.size();
    }
}
