package io.kopilka.notification.internal;

import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NoticeMessage;
import io.kopilka.notification.NoticeStatus;
import io.kopilka.notification.NotificationLogs;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNotificationLogs implements NotificationLogs {
    private final JdbcClient jdbc;
    private final NotificationLog log;

    JdbcNotificationLogs(JdbcClient jdbc, NotificationLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    @Override
    public List<NoticeMessage> page(TenantId tenant, MemberId member, NoticeKind kind, NoticeStatus status,
                                    Instant afterAt, UUID afterId, int limit) {
        return jdbc.sql("SELECT " + NotificationLog.COLUMNS + """
                 FROM notification
                WHERE tenant_id = :tenant
                  AND (CAST(:member AS uuid) IS NULL OR member_id = :member)
                  AND (CAST(:kind AS text) IS NULL OR kind = :kind)
                  AND (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (:afterAt, :afterId))
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant.value()).param("member", member == null ? null : member.value())
                .param("kind", kind == null ? null : kind.code()).param("status", status == null ? null : status.code())
                .param("afterAt", afterAt == null ? null : Timestamp.from(afterAt)).param("afterId", afterId)
                .param("limit", limit).query(NotificationLog::row).list();
    }

    @Override
    public Optional<NoticeMessage> byId(TenantId tenant, UUID id) {
        return log.byId(tenant, id);
    }

    @Override
    public Optional<String> html(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT html FROM notification WHERE tenant_id = :tenant AND id = :id AND html IS NOT NULL")
                .param("tenant", tenant.value()).param("id", id).query(String.class).optional();
    }
}
