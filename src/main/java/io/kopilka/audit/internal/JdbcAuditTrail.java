package io.kopilka.audit.internal;

import io.kopilka.audit.AuditEntry;
import io.kopilka.audit.AuditQuery;
import io.kopilka.audit.AuditTrail;
import io.kopilka.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The entries of {@code audit_entry}, newest first, along its index on (tenant, time, id). */
@Component
class JdbcAuditTrail implements AuditTrail {
    private final JdbcClient jdbc;

    JdbcAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AuditEntry> page(TenantId tenant, AuditQuery q, int limit) {
        return jdbc.sql("""
                SELECT id, at, actor_type, actor_id, actor_name, action, object_type, object_id,
                       before::text AS before, after::text AS after, reason
                FROM audit_entry
                WHERE tenant_id = :tenant
                  AND (CAST(:objectType AS text) IS NULL OR object_type = :objectType)
                  AND (CAST(:objectId AS text) IS NULL OR object_id = :objectId)
                  AND (CAST(:actorId AS text) IS NULL OR actor_id = :actorId)
                  AND (CAST(:action AS text) IS NULL OR action = :action)
                  AND (CAST(:since AS timestamptz) IS NULL OR at >= :since)
                  AND (CAST(:until AS timestamptz) IS NULL OR at < :until)
                  AND (CAST(:beforeAt AS timestamptz) IS NULL OR (at, id) < (:beforeAt, :beforeId))
                ORDER BY at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant.value())
                .param("objectType", q.objectType()).param("objectId", q.objectId())
                .param("actorId", q.actorId()).param("action", q.action())
                .param("since", timestamp(q.since())).param("until", timestamp(q.until()))
                .param("beforeAt", timestamp(q.beforeAt()))
                .param("beforeId", q.beforeId() == null ? new UUID(0, 0) : q.beforeId())
                .param("limit", limit)
                .query(JdbcAuditTrail::map).list();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getObject("id", UUID.class), rs.getTimestamp("at").toInstant(),
                new AuditEntry.Actor(rs.getString("actor_type"), rs.getString("actor_id"), rs.getString("actor_name")),
                rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                rs.getString("before"), rs.getString("after"), rs.getString("reason"));
    }
}
