package io.kopilka.audit.internal;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.shared.Ids;
import io.kopilka.shared.Now;
import io.kopilka.tenant.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The audit log in table {@code audit_entry}; before and after as the API's JSON. */
@Component
class JdbcAuditLog implements AuditLog {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Caller caller, Change change) {
        jdbc.sql("""
                INSERT INTO audit_entry (tenant_id, id, at, actor_type, actor_id, actor_name, action, object_type,
                                         object_id, before, after, reason)
                VALUES (:tenant, :id, :at, :actorType, :actorId, :actorName, :action, :objectType, :objectId,
                        CAST(:before AS jsonb), CAST(:after AS jsonb), :reason)""")
                .param("tenant", caller.tenant().value()).param("id", Ids.next())
                .param("at", Timestamp.from(Now.of(clock)))
                .param("actorType", caller.actorType())
                .param("actorId", caller.actorId())
                .param("actorName", caller.keyName())
                .param("action", change.action()).param("objectType", change.objectType())
                .param("objectId", change.objectId())
                .param("before", change.before() == null ? null : json.writeValueAsString(change.before()))
                .param("after", change.after() == null ? null : json.writeValueAsString(change.after()))
                .param("reason", change.reason()).update();
    }
}
