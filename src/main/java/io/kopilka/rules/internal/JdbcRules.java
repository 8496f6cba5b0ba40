package io.kopilka.rules.internal;

import io.kopilka.shared.Now;
import io.kopilka.rules.Rule;
import io.kopilka.rules.Rules;
import io.kopilka.rules.web.RuleDocument;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Rules stored as their API document; deleting a rule deactivates it (purchases keep naming it). */
@Service
class JdbcRules implements Rules {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    JdbcRules(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Rule create(TenantId tenant, Rule rule) {
        jdbc.sql("""
                INSERT INTO rule (tenant_id, id, name, kind, definition, priority, active, created_at, updated_at)
                VALUES (:tenant, :id, :name, :kind, CAST(:definition AS jsonb), :priority, true, :now, :now)""")
                .param("tenant", tenant.value()).param("id", rule.id()).param("name", rule.name())
                .param("kind", rule.kind().code()).param("definition", document(rule))
                .param("priority", rule.priority()).param("now", Timestamp.from(Now.of(clock))).update();
        return rule;
    }

    @Override
    @Transactional
    public Rule replace(TenantId tenant, UUID id, Rule rule) {
        int updated = jdbc.sql("""
                UPDATE rule SET name = :name, kind = :kind, definition = CAST(:definition AS jsonb),
                       priority = :priority, updated_at = :now
                WHERE tenant_id = :tenant AND id = :id AND active""")
                .param("name", rule.name()).param("kind", rule.kind().code()).param("definition", document(rule))
                .param("priority", rule.priority()).param("now", Timestamp.from(Now.of(clock)))
                .param("tenant", tenant.value()).param("id", id).update();
        if (updated == 0) {
            throw ApiProblem.notFound("Rule");
        }
        return rule;
    }

    @Override
    @Transactional
    public void delete(TenantId tenant, UUID id) {
        int updated = jdbc.sql("""
                UPDATE rule SET active = false, updated_at = :now WHERE tenant_id = :tenant AND id = :id AND active""")
                .param("now", Timestamp.from(Now.of(clock))).param("tenant", tenant.value()).param("id", id).update();
        if (updated == 0) {
            throw ApiProblem.notFound("Rule");
        }
    }

    @Override
    public Optional<Rule> byId(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT id, definition::text FROM rule WHERE tenant_id = :tenant AND id = :id AND active")
                .param("tenant", tenant.value()).param("id", id).query((rs, i) -> toRule(rs.getObject(1, UUID.class),
                        rs.getString(2))).optional();
    }

    @Override
    public List<Rule> active(TenantId tenant) {
        return jdbc.sql("""
                SELECT id, definition::text FROM rule WHERE tenant_id = :tenant AND active
                ORDER BY priority DESC, created_at, id""")
                .param("tenant", tenant.value())
                .query((rs, i) -> toRule(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    private String document(Rule rule) {
        return json.writeValueAsString(RuleDocument.of(rule, ZoneOffset.UTC));
    }

    private Rule toRule(UUID id, String definition) {
        return json.readValue(definition, RuleDocument.class).toRule(id);
    }
}
