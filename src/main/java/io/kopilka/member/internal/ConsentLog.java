package io.kopilka.member.internal;

import io.kopilka.member.ConsentChange;
import io.kopilka.member.ConsentSource;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only {@code consent_change} table: written in the transaction of the change it records. */
@Repository
class ConsentLog {
    private static final TypeReference<Map<String, String>> DETAIL = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConsentLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One row for each key whose value differs between {@code before} and {@code after}, in key order. */
    void record(TenantId tenant, MemberId member, Map<String, Boolean> before, Map<String, Boolean> after,
                ConsentSource source, Instant at) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Boolean was = before.get(key);
            Boolean now = after.get(key);
            if (Objects.equals(was, now) || now == null && !Boolean.TRUE.equals(was)) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO consent_change (tenant_id, id, member_id, channel, granted, at, source, detail)
                    VALUES (:tenant, :id, :member, :channel, :granted, :at, :source, CAST(:detail AS jsonb))""")
                    .param("tenant", tenant.value()).param("id", Ids.next()).param("member", member.value())
                    .param("channel", key).param("granted", Boolean.TRUE.equals(now)).param("at", Timestamp.from(at))
                    .param("source", source.how()).param("detail", json.writeValueAsString(source.detail()))
                    .update();
        }
    }

    List<ConsentChange> page(TenantId tenant, MemberId member, Instant afterAt, UUID afterId, int limit) {
        return jdbc.sql("""
                SELECT id, member_id, channel, granted, at, source, detail::text FROM consent_change
                WHERE tenant_id = :tenant AND member_id = :member
                  AND (CAST(:afterAt AS timestamptz) IS NULL OR (at, id) < (CAST(:afterAt AS timestamptz), :afterId))
                ORDER BY at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant.value()).param("member", member.value())
                .param("afterAt", afterAt == null ? null : Timestamp.from(afterAt))
                .param("afterId", afterId).param("limit", limit)
                .query(this::map).list();
    }

    /** At erasure: what was agreed, when and how stays; where from (IP, user agent, key) goes. */
    void forgetDetail(TenantId tenant, MemberId member) {
        jdbc.sql("""
                UPDATE consent_change SET detail = '{}'
                WHERE tenant_id = :tenant AND member_id = :member AND detail <> '{}'""")
                .param("tenant", tenant.value()).param("member", member.value()).update();
    }

    private ConsentChange map(ResultSet rs, int row) throws SQLException {
        return new ConsentChange(rs.getObject("id", UUID.class), new MemberId(rs.getObject("member_id", UUID.class)),
                rs.getString("channel"), rs.getBoolean("granted"), rs.getTimestamp("at").toInstant(),
                rs.getString("source"), json.readValue(rs.getString("detail"), DETAIL));
    }
}
