package io.kopilka.notification.internal;

import io.kopilka.notification.Channel;
import io.kopilka.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification} table as the dispatcher's outbox. A message is claimed before it is sent: one
 * statement counts the attempt and pushes {@code scheduled_for} out by a lease, so that two instances
 * never send one row at once and a crash in mid-send is tried again once the lease ends.
 */
@Repository
class Outbox {
    private static final String RETURNING = "\n" + """
            RETURNING n.tenant_id, n.id, n.channel, n.recipient, n.subject, n.body, n.html, n.unsubscribe_token,
                       n.attempts""";

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed message: the attempt it is on, and what to send. */
    record Claimed(TenantId tenant, UUID id, Channel channel, String to, String subject, String body, String html,
                   String unsubscribeToken, int attempts) {
    }

    /** Claims up to {@code limit} due messages of any tenant; rows another instance holds are skipped. */
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                UPDATE notification n SET attempts = n.attempts + 1, scheduled_for = :lease, updated_at = :now
                FROM (SELECT tenant_id, id FROM notification
                       WHERE status = 'queued' AND scheduled_for <= :now
                       ORDER BY scheduled_for LIMIT :limit FOR UPDATE SKIP LOCKED) due
                WHERE n.tenant_id = due.tenant_id AND n.id = due.id""" + RETURNING)
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil)).param("limit", limit)
                .query(Outbox::claimed).list();
    }

    /** Claims one message if it is still queued and due (the kick after its queuing committed). */
    List<Claimed> claim(TenantId tenant, UUID id, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                UPDATE notification n SET attempts = n.attempts + 1, scheduled_for = :lease, updated_at = :now
                FROM (SELECT tenant_id, id FROM notification
                       WHERE tenant_id = :tenant AND id = :id AND status = 'queued' AND scheduled_for <= :now
                       FOR UPDATE SKIP LOCKED) due
                WHERE n.tenant_id = due.tenant_id AND n.id = due.id""" + RETURNING)
                .param("tenant", tenant.value()).param("id", id).param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(leaseUntil)).query(Outbox::claimed).list();
    }

    /** The channel took it; {@code reason} says how when it is worth saying ({@code mailbox}). */
    void sent(Claimed m, Instant now, String reason) {
        finish(m, "sent", reason, now, now, now);
    }

    /** Tried again at {@code next}. */
    void retry(Claimed m, Instant now, Instant next, String reason) {
        finish(m, "queued", reason, now, next, null);
    }

    void failed(Claimed m, Instant now, String reason) {
        finish(m, "failed", reason, now, now, null);
    }

    private void finish(Claimed m, String status, String reason, Instant now, Instant scheduledFor, Instant sentAt) {
        // Only the claim that is still current: after a lease ran out and another claim took the row, the
        // later attempt's outcome is the one the log keeps.
        jdbc.sql("""
                UPDATE notification SET status = :status, reason = :reason, scheduled_for = :scheduledFor,
                       sent_at = :sentAt, updated_at = :now
                WHERE tenant_id = :tenant AND id = :id AND status = 'queued' AND attempts = :attempts""")
                .param("status", status).param("reason", reason).param("now", Timestamp.from(now)).param("scheduledFor", Timestamp.from(scheduledFor))
                .param("sentAt", sentAt == null ? null : Timestamp.from(sentAt)).param("tenant", m.tenant().value())
                .param("id", m.id()).param("attempts", m.attempts()).update();
    }

    private static Claimed claimed(ResultSet rs, int n) throws SQLException {
        return new Claimed(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getString("html"), rs.getString("unsubscribe_token"),
                rs.getInt("attempts"));
    }
}
