package io.kopilka.cause.internal;

import io.kopilka.cause.UnitWords;
import io.kopilka.shared.Ids;
import io.kopilka.shared.Names;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the business gives to causes for purchases (rules of kind {@code cause_contribution}), and
 * takes back when a purchase is returned whole. Each is one statement that adds the row and moves
 * the cause's totals, so purchases that give to one cause wait for each other only from that
 * statement to their commit, as budgeted rules do.
 */
@Component
class RuleContributions {
    private final JdbcClient jdbc;

    RuleContributions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What was given, for the purchase's line: the cause's names and unit. */
    record Given(Names cause, UnitWords unit, long units) {
    }

    /**
     * Gives {@code units} of the cause for the purchase; nothing (empty) when the cause is no longer
     * active or not the tenant's: the rule was checked when saved, and a cause deactivated since
     * takes no more.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Given> give(TenantId tenant, UUID cause, long units, UUID member, UUID purchase, UUID rule,
                         Instant at) {
        record Row(String name, String names, String unit, String unitForms) {
        }
        return jdbc.sql("""
                WITH given AS (
                    UPDATE cause SET total_points = total_points + :units * points_per_unit
                     WHERE tenant_id = :tenant AND id = :cause AND active
                    RETURNING tenant_id, id, points_per_unit, name, names, unit, unit_forms),
                recorded AS (
                    INSERT INTO cause_contribution (tenant_id, id, cause_id, source, points, member_id, purchase_id,
                                                    rule_id, at)
                    SELECT tenant_id, :id, id, 'rule', :units * points_per_unit, :member, :purchase, :rule, :at
                      FROM given)
                SELECT name, names::text AS names, unit::text AS unit, unit_forms::text AS unit_forms FROM given""")
                .param("tenant", tenant.value()).param("cause", cause).param("units", units).param("id", Ids.next())
                .param("member", member).param("purchase", purchase).param("rule", rule)
                .param("at", Timestamp.from(at)).query(Row.class).optional()
                .map(r -> new Given(new Names(r.name(), CauseRows.words(r.names())),
                        new UnitWords(CauseRows.words(r.unit()), CauseRows.forms(r.unitForms())), units));
    }

    /** Takes back what the business gave for a purchase, now returned whole: a negative row per cause. */
    @Transactional(propagation = Propagation.MANDATORY)
    void takeBack(TenantId tenant, UUID purchase, UUID returnId, UUID member, Instant at) {
        record Owed(UUID causeId, long points) {
        }
        List<Owed> owed = jdbc.sql("""
                SELECT cause_id, sum(points) AS points FROM cause_contribution
                 WHERE tenant_id = :tenant AND purchase_id = :purchase AND source = 'rule'
                 GROUP BY cause_id HAVING sum(points) > 0""")
                .param("tenant", tenant.value()).param("purchase", purchase).query(Owed.class).list();
        for (Owed o : owed) {
            jdbc.sql("""
                    WITH taken AS (
                        UPDATE cause SET total_points = total_points - :points
                         WHERE tenant_id = :tenant AND id = :cause
                        RETURNING tenant_id, id)
                    INSERT INTO cause_contribution (tenant_id, id, cause_id, source, points, member_id, purchase_id,
                                                    return_id, at)
                    SELECT tenant_id, :id, id, 'rule', -:points, :member, :purchase, :return, :at FROM taken""")
                    .param("tenant", tenant.value()).param("cause", o.causeId()).param("points", o.points())
                    .param("id", Ids.next()).param("member", member).param("purchase", purchase)
                    .param("return", returnId).param("at", Timestamp.from(at)).update();
        }
    }
}
