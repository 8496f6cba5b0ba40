package io.kopilka.rules.internal;

import io.kopilka.shared.RuleId;
import io.kopilka.rules.PricedCart;
import io.kopilka.rules.Rule;
import io.kopilka.rules.RuleLimits;
import io.kopilka.rules.RuleSet;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets ({@code rule_budget}: a row per budgeted rule, claimed with a row lock) and per-member
 * allowances ({@code rule_member_points}: points per rule, member and day, read as sums).
 */
@Service
class JdbcRuleLimits implements RuleLimits {
    private final JdbcClient jdbc;

    JdbcRuleLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<RuleId, Long> caps(TenantId tenant, MemberId member, RuleSet ruleSet, LocalDate today) {
        Map<RuleId, Long> caps = new HashMap<>();
        List<Rule> rules = ruleSet.rules();
        List<Rule> capped = rules.stream().filter(r -> r.limits().capsMember()).toList();
        if (!capped.isEmpty()) {
            record Used(RuleId rule, long today, long month) {
            }
            Map<RuleId, Used> used = new HashMap<>();
            jdbc.sql("""
                    SELECT rule_id, COALESCE(SUM(points) FILTER (WHERE day = :today), 0), COALESCE(SUM(points), 0)
                    FROM rule_member_points
                    WHERE tenant_id = :tenant AND member_id = :member AND rule_id = ANY(:rules)
                      AND day BETWEEN :monthStart AND :today
                    GROUP BY rule_id""")
                    .param("today", today).param("tenant", tenant.value()).param("member", member.value())
                    .param("rules", capped.stream().map(r -> r.id().value()).toArray(UUID[]::new))
                    .param("monthStart", today.withDayOfMonth(1))
                    .query((rs, i) -> new Used(new RuleId(rs.getObject(1, UUID.class)), rs.getLong(2), rs.getLong(3)))
                    .list().forEach(u -> used.put(u.rule(), u));
            for (Rule r : capped) {
                Used u = used.getOrDefault(r.id(), new Used(r.id(), 0, 0));
                long left = Long.MAX_VALUE;
                if (r.limits().maxPointsPerMemberPerDay() != null) {
                    left = Math.min(left, r.limits().maxPointsPerMemberPerDay() - u.today());
                }
                if (r.limits().maxPointsPerMemberPerMonth() != null) {
                    left = Math.min(left, r.limits().maxPointsPerMemberPerMonth() - u.month());
                }
                caps.put(r.id(), Math.max(0, left));
            }
        }
        List<Rule> budgeted = rules.stream().filter(r -> r.limits().budgetPoints() != null).toList();
        if (!budgeted.isEmpty()) {
            jdbc.sql("""
                    SELECT rule_id, budget - spent FROM rule_budget
                    WHERE tenant_id = :tenant AND rule_id = ANY(:rules) AND budget IS NOT NULL""")
                    .param("tenant", tenant.value())
                    .param("rules", budgeted.stream().map(r -> r.id().value()).toArray(UUID[]::new))
                    .query((rs, i) -> Map.entry(new RuleId(rs.getObject(1, UUID.class)), rs.getLong(2))).list()
                    .forEach(e -> caps.merge(e.getKey(), e.getValue(), Math::min));
        }
        return caps;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public PricedCart spend(TenantId tenant, MemberId member, RuleSet ruleSet, Map<RuleId, Long> caps, LocalDate today,
                            PricedCart priced, Function<Map<RuleId, Long>, PricedCart> priceWithCaps) {
        PricedCart spent = spendBudgets(tenant, ruleSet, caps, priced, priceWithCaps);
        recordMemberPoints(tenant, member, pointsOf(ruleSet, spent, r -> r.limits().capsMember()), today);
        return spent;
    }

    private PricedCart spendBudgets(TenantId tenant, RuleSet ruleSet, Map<RuleId, Long> caps, PricedCart priced,
                                    Function<Map<RuleId, Long>, PricedCart> priceWithCaps) {
        Predicate<Rule> budgeted = r -> r.limits().budgetPoints() != null;
        Map<RuleId, Long> wanted = pointsOf(ruleSet, priced, budgeted);
        if (wanted.isEmpty()) {
            return priced;
        }
        Map<RuleId, Long> granted = new HashMap<>();
        boolean short_ = false;
        for (var e : wanted.entrySet()) {
            long g = claimBudget(tenant, e.getKey(), e.getValue());
            granted.put(e.getKey(), g);
            short_ |= g < e.getValue();
        }
        if (!short_) {
            return priced;
        }
        Map<RuleId, Long> tighter = new HashMap<>(caps);
        granted.forEach((rule, g) -> tighter.merge(rule, g, Math::min));
        PricedCart again = priceWithCaps.apply(tighter);
        Map<RuleId, Long> used = pointsOf(ruleSet, again, budgeted);
        granted.forEach((rule, g) -> releaseBudget(tenant, rule, g - used.getOrDefault(rule, 0L)));
        return again;
    }

    /** Points each matching rule gave in {@code priced}; the level's benefits (no rule id) are no rule's. */
    private static Map<RuleId, Long> pointsOf(RuleSet ruleSet, PricedCart priced, Predicate<Rule> which) {
        Map<RuleId, Rule> byId = new HashMap<>();
        ruleSet.rules().forEach(r -> byId.put(r.id(), r));
        Map<RuleId, Long> points = new HashMap<>();
        for (PricedCart.AppliedRule a : priced.applied()) {
            Rule rule = a.ruleId() == null ? null : byId.get(a.ruleId());
            if (rule != null && which.test(rule) && a.points() > 0) {
                points.merge(rule.id(), a.points(), Long::sum);
            }
        }
        return points;
    }

    /** Takes up to {@code points} from the rule's budget, atomically; returns what was granted. */
    private long claimBudget(TenantId tenant, RuleId rule, long points) {
        return jdbc.sql("""
                WITH before AS (
                    SELECT spent FROM rule_budget WHERE tenant_id = :tenant AND rule_id = :rule FOR UPDATE
                )
                UPDATE rule_budget b SET spent = LEAST(b.budget, b.spent + :points)
                FROM before WHERE b.tenant_id = :tenant AND b.rule_id = :rule
                RETURNING LEAST(b.budget, before.spent + :points) - before.spent""")
                .param("tenant", tenant.value()).param("rule", rule.value()).param("points", points)
                .query(Long.class).optional().orElse(points);
    }

    private void releaseBudget(TenantId tenant, RuleId rule, long points) {
        if (points > 0) {
            jdbc.sql("UPDATE rule_budget SET spent = spent - :points WHERE tenant_id = :tenant AND rule_id = :rule")
                    .param("points", points).param("tenant", tenant.value()).param("rule", rule.value()).update();
        }
    }

    private void recordMemberPoints(TenantId tenant, MemberId member, Map<RuleId, Long> pointsByRule, LocalDate today) {
        pointsByRule.forEach((rule, points) -> jdbc.sql("""
                INSERT INTO rule_member_points (tenant_id, rule_id, member_id, day, points)
                VALUES (:tenant, :rule, :member, :day, :points)
                ON CONFLICT (tenant_id, rule_id, member_id, day) DO UPDATE
                SET points = rule_member_points.points + EXCLUDED.points""")
                .param("tenant", tenant.value()).param("rule", rule.value()).param("member", member.value())
                .param("day", today).param("points", points).update());
    }
}
