package io.kopilka.rules.internal;

import io.kopilka.shared.RuleId;
import io.kopilka.rules.Rule;
import io.kopilka.rules.RuleDocument;
import io.kopilka.rules.RuleSet;
import io.kopilka.rules.Rules;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.database.ChangeNotifications;
import io.kopilka.shared.database.TenantCache;
import io.kopilka.shared.error.ApiProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import io.kopilka.rules.RuleTargets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules stored as their API document, with a per-tenant rule-set version raised by every change and
 * an append-only revision per change. Live rule sets are cached per tenant; a change announces
 * itself through {@link ChangeNotifications}, and every instance drops that tenant's entry. A
 * deleted rule is deactivated, not removed: purchases keep naming it.
 */
@Service
class JdbcRules implements Rules {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TenantCache<RuleSet> cache;

    /** Asked lazily: the modules that own rules' targets build on rules, and may need it themselves. */
    private final ObjectProvider<RuleTargets> targets;

    JdbcRules(JdbcClient jdbc, JsonMapper json, Clock clock, ChangeNotifications changes,
              ObjectProvider<RuleTargets> targets) {
        this.targets = targets;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.cache = new TenantCache<>("rules", changes);
    }

    @Override
    @Transactional
    public Rule create(TenantId tenant, Rule rule) {
        checkTargets(tenant, rule);
        Instant now = Now.of(clock);
        jdbc.sql("""
                INSERT INTO rule (tenant_id, id, name, kind, definition, priority, active, created_at, updated_at)
                VALUES (:tenant, :id, :name, :kind, CAST(:definition AS jsonb), :priority, true, :now, :now)""")
                .param("tenant", tenant.value()).param("id", rule.id().value()).param("name", rule.name())
                .param("kind", rule.kind().code()).param("definition", document(rule))
                .param("priority", rule.priority()).param("now", Timestamp.from(now)).update();
        budget(tenant, rule);
        changed(tenant, rule, true, now);
        return rule;
    }

    @Override
    @Transactional
    public Rule replace(TenantId tenant, RuleId id, Rule rule) {
        checkTargets(tenant, rule);
        Instant now = Now.of(clock);
        int updated = jdbc.sql("""
                UPDATE rule SET name = :name, kind = :kind, definition = CAST(:definition AS jsonb),
                       priority = :priority, updated_at = :now
                WHERE tenant_id = :tenant AND id = :id AND active""")
                .param("name", rule.name()).param("kind", rule.kind().code()).param("definition", document(rule))
                .param("priority", rule.priority()).param("now", Timestamp.from(now))
                .param("tenant", tenant.value()).param("id", id.value()).update();
        if (updated == 0) {
            throw ApiProblem.notFound("Rule");
        }
        budget(tenant, rule);
        changed(tenant, rule, true, now);
        return rule;
    }

    @Override
    @Transactional
    public void delete(TenantId tenant, RuleId id) {
        Instant now = Now.of(clock);
        Rule rule = byId(tenant, id).orElseThrow(() -> ApiProblem.notFound("Rule"));
        jdbc.sql("UPDATE rule SET active = false, updated_at = :now WHERE tenant_id = :tenant AND id = :id")
                .param("now", Timestamp.from(now)).param("tenant", tenant.value()).param("id", id.value()).update();
        changed(tenant, rule, false, now);
    }

    @Override
    public void checkTargets(TenantId tenant, Rule rule) {
        if (!(rule.parameters() instanceof Rule.Action action)) {
            return;
        }
        List<RuleTargets> owners = targets.orderedStream().filter(t -> t.owns(action)).toList();
        if (owners.isEmpty()) {
            throw new ApiProblem(422, "unknown_target", "Rules of kind " + rule.kind().code()
                    + " are not available", List.of(new ApiProblem.FieldError("kind", "not available")),
                    java.util.Map.of());
        }
        List<ApiProblem.FieldError> errors = owners.stream().flatMap(t -> t.check(tenant, action).stream()).toList();
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "unknown_target", "The rule names " + errors.get(0).field()
                    + " that this program does not have", errors, java.util.Map.of());
        }
    }

    /** Creates, raises or lowers the rule's budget; lowering it below what is already spent is refused. */
    private void budget(TenantId tenant, Rule rule) {
        Long budget = rule.limits().budgetPoints();
        if (budget == null) {
            jdbc.sql("UPDATE rule_budget SET budget = NULL WHERE tenant_id = :tenant AND rule_id = :rule")
                    .param("tenant", tenant.value()).param("rule", rule.id().value()).update();
            return;
        }
        Long spent = jdbc.sql("SELECT spent FROM rule_budget WHERE tenant_id = :tenant AND rule_id = :rule FOR UPDATE")
                .param("tenant", tenant.value()).param("rule", rule.id().value()).query(Long.class).optional().orElse(0L);
        if (budget < spent) {
            throw new ApiProblem(422, "budget_below_spent", "The rule has already given " + spent
                    + " points; its budget cannot be lower", List.of(new ApiProblem.FieldError("budgetPoints",
                    "at least " + spent)), Map.of("spent", spent));
        }
        jdbc.sql("""
                INSERT INTO rule_budget (tenant_id, rule_id, budget) VALUES (:tenant, :rule, :budget)
                ON CONFLICT (tenant_id, rule_id) DO UPDATE SET budget = EXCLUDED.budget""")
                .param("tenant", tenant.value()).param("rule", rule.id().value()).param("budget", budget).update();
    }

    private void changed(TenantId tenant, Rule rule, boolean active, Instant now) {
        long version = jdbc.sql("""
                INSERT INTO rule_set (tenant_id, version, updated_at) VALUES (:tenant, 1, :now)
                ON CONFLICT (tenant_id) DO UPDATE SET version = rule_set.version + 1, updated_at = EXCLUDED.updated_at
                RETURNING version""")
                .param("tenant", tenant.value()).param("now", Timestamp.from(now)).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO rule_revision (tenant_id, rule_id, version, definition, active, changed_at)
                VALUES (:tenant, :rule, :version, CAST(:definition AS jsonb), :active, :now)""")
                .param("tenant", tenant.value()).param("rule", rule.id().value()).param("version", version)
                .param("definition", document(rule)).param("active", active).param("now", Timestamp.from(now))
                .update();
        cache.changed(tenant);
    }

    @Override
    public Optional<Rule> byId(TenantId tenant, RuleId id) {
        return jdbc.sql("SELECT id, definition::text FROM rule WHERE tenant_id = :tenant AND id = :id AND active")
                .param("tenant", tenant.value()).param("id", id.value())
                .query((rs, i) -> toRule(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    @Override
    public List<Listed> page(TenantId tenant, Position after, int limit) {
        return page(tenant, true, after, limit);
    }

    @Override
    public List<Listed> archivedPage(TenantId tenant, Position after, int limit) {
        return page(tenant, false, after, limit);
    }

    private List<Listed> page(TenantId tenant, boolean active, Position after, int limit) {
        // Keyset in the evaluation order the cached rule set also uses (see load).
        return jdbc.sql("""
                SELECT id, definition::text AS definition, priority, created_at FROM rule
                WHERE tenant_id = :tenant AND active = :active
                  AND (CAST(:priority AS int) IS NULL OR priority < :priority
                       OR (priority = :priority AND (created_at, id) > (:createdAt, :id)))
                ORDER BY priority DESC, created_at, id LIMIT :limit""")
                .param("tenant", tenant.value()).param("active", active)
                .param("priority", after == null ? null : after.priority())
                .param("createdAt", Timestamp.from(after == null ? Instant.EPOCH : after.createdAt()))
                .param("id", after == null ? new UUID(0, 0) : after.id()).param("limit", limit)
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new Listed(toRule(id, rs.getString("definition")), new Position(rs.getInt("priority"),
                            rs.getTimestamp("created_at").toInstant(), id));
                })
                .list();
    }

    @Override
    public RuleSet current(TenantId tenant) {
        return cache.get(tenant, this::load);
    }

    /** The version and the rules in one statement, so they come from one snapshot. */
    private RuleSet load(TenantId tenant) {
        record Row(long version, UUID id, String definition) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT COALESCE(s.version, 0) AS version, r.id, r.definition::text AS definition
                FROM (SELECT :tenant AS tenant_id) t
                LEFT JOIN rule_set s ON s.tenant_id = t.tenant_id
                LEFT JOIN rule r ON r.tenant_id = t.tenant_id AND r.active
                ORDER BY r.priority DESC, r.created_at, r.id""")
                .param("tenant", tenant.value())
                .query((rs, i) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3))).list();
        List<Rule> rules = new ArrayList<>();
        for (Row row : rows) {
            if (row.id() != null) {
                rules.add(toRule(row.id(), row.definition()));
            }
        }
        return new RuleSet(rows.isEmpty() ? 0 : rows.getFirst().version(), List.copyOf(rules));
    }

    private String document(Rule rule) {
        return json.writeValueAsString(RuleDocument.of(rule, ZoneOffset.UTC));
    }

    private Rule toRule(UUID id, String definition) {
        return json.readValue(definition, RuleDocument.class).toRule(new RuleId(id));
    }
}
