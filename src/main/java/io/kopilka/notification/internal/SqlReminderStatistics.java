package io.kopilka.notification.internal;

import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.ReminderStatistics;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** One statement: the members as an array, looked up through {@code notification_of_member}. */
@Service
class SqlReminderStatistics implements ReminderStatistics {
    private final JdbcClient jdbc;

    SqlReminderStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long warnedOfExpiry(TenantId tenant, Collection<MemberId> members, Instant since) {
        if (members.isEmpty()) {
            return 0;
        }
        UUID[] ids = members.stream().map(MemberId::value).toArray(UUID[]::new);
        return jdbc.sql("""
                SELECT count(DISTINCT member_id) FROM notification
                WHERE tenant_id = :tenant AND member_id = ANY(:members) AND kind = :kind
                  AND created_at >= :since AND status IN ('queued', 'sent')""")
                .param("tenant", tenant.value()).param("members", ids)
                .param("kind", NoticeKind.POINTS_EXPIRING.code()).param("since", Timestamp.from(since))
                .query(Long.class).single();
    }
}
