package io.kopilka.badge.internal;

import io.kopilka.badge.Badges;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Names;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Badges in table {@code member_badge}: one row per member and code, so a badge is given once. */
@Component
class JdbcBadges implements Badges {
    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcBadges(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean award(TenantId tenant, MemberId member, String code, Names name, String source, Instant at) {
        return jdbc.sql("""
                INSERT INTO member_badge (tenant_id, member_id, code, name, names, source, earned_at)
                VALUES (:tenant, :member, :code, :name, CAST(:names AS jsonb), :source, :at)
                ON CONFLICT (tenant_id, member_id, code) DO NOTHING""")
                .param("tenant", tenant.value()).param("member", member.value()).param("code", code)
                .param("name", name.name()).param("names", json.writeValueAsString(name.names()))
                .param("source", source).param("at", Timestamp.from(at)).update() == 1;
    }

    @Override
    public List<Badge> of(TenantId tenant, MemberId member) {
        return jdbc.sql("""
                SELECT code, name, names, source, earned_at FROM member_badge
                WHERE tenant_id = :tenant AND member_id = :member ORDER BY earned_at DESC, code""")
                .param("tenant", tenant.value()).param("member", member.value())
                .query((rs, i) -> new Badge(rs.getString("code"), new Names(rs.getString("name"),
                        new HashMap<>(json.readValue(rs.getString("names"), NAMES))), rs.getString("source"),
                        rs.getTimestamp("earned_at").toInstant()))
                .list();
    }
}
