package io.kopilka.notification.internal;

import io.kopilka.notification.Channel;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NoticeMessage;
import io.kopilka.notification.NoticeStatus;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Language;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification} table as the log of what was decided: one row per member, kind and occasion. */
@Repository
class NotificationLog {
    static final String COLUMNS = """
            id, tenant_id, member_id, kind, occasion, channel, recipient, status, reason, language, subject, body,
            created_at, scheduled_for, sent_at, attempts""";

    private final JdbcClient jdbc;

    NotificationLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message about to be written: the decision, and the text rendered for it. */
    record NewMessage(UUID id, TenantId tenant, MemberId member, NoticeKind kind, String occasion, Channel channel,
                      String to, NoticeStatus status, String reason, Language language, String subject, String body,
                      String html, String unsubscribeToken, Instant createdAt, Instant scheduledFor) {
    }

    /** Writes the message unless one of its member, kind and occasion exists; false when it did. */
    boolean insert(NewMessage m) {
        return jdbc.sql("""
                INSERT INTO notification (tenant_id, id, member_id, kind, occasion, purpose, channel, recipient, language,
                       status, reason, subject, body, html, unsubscribe_token, created_at, scheduled_for, updated_at)
                VALUES (:tenant, :id, :member, :kind, :occasion, :purpose, :channel, :to, :language, :status, :reason,
                       :subject, :body, :html, :token, :createdAt, :scheduledFor, :createdAt)
                ON CONFLICT (tenant_id, member_id, kind, occasion) DO NOTHING""")
                .param("tenant", m.tenant().value()).param("id", m.id()).param("member", m.member().value())
                .param("kind", m.kind().code()).param("occasion", m.occasion()).param("purpose", m.kind().purpose().code())
                .param("channel", m.channel() == null ? null : m.channel().code()).param("to", m.to())
                .param("language", m.language().tag()).param("status", m.status().code()).param("reason", m.reason())
                .param("subject", m.subject()).param("body", m.body()).param("html", m.html())
                .param("token", m.unsubscribeToken()).param("createdAt", Timestamp.from(m.createdAt()))
                .param("scheduledFor", Timestamp.from(m.scheduledFor()))
                .update() == 1;
    }

    Optional<NoticeMessage> byKey(TenantId tenant, MemberId member, NoticeKind kind, String occasion) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM notification
                WHERE tenant_id = :tenant AND member_id = :member AND kind = :kind AND occasion = :occasion""")
                .param("tenant", tenant.value()).param("member", member.value()).param("kind", kind.code())
                .param("occasion", occasion).query(NotificationLog::row).optional();
    }

    Optional<NoticeMessage> byId(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).query(NotificationLog::row).optional();
    }

    /**
     * Marketing messages queued or sent to the member since {@code since}: what the weekly limit counts.
     * Suppressed and undeliverable ones never reached the member, and do not count.
     */
    long marketingSince(TenantId tenant, MemberId member, Instant since) {
        return jdbc.sql("""
                SELECT count(*) FROM notification
                WHERE tenant_id = :tenant AND member_id = :member AND purpose = 'marketing'
                  AND status IN ('queued', 'sent') AND created_at > :since""")
                .param("tenant", tenant.value()).param("member", member.value()).param("since", Timestamp.from(since))
                .query(Long.class).single();
    }

    static NoticeMessage row(ResultSet rs, int n) throws SQLException {
        String channel = rs.getString("channel");
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new NoticeMessage(rs.getObject("id", UUID.class), new TenantId(rs.getObject("tenant_id", UUID.class)),
                new MemberId(rs.getObject("member_id", UUID.class)),
                NoticeKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("occasion"),
                channel == null ? null : Channel.valueOf(channel.toUpperCase(Locale.ROOT)), rs.getString("recipient"),
                NoticeStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("reason"),
                Language.fromTag(rs.getString("language")).orElseThrow(), rs.getString("subject"),
                rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("scheduled_for").toInstant(), sentAt == null ? null : sentAt.toInstant(),
                rs.getInt("attempts"));
    }
}
