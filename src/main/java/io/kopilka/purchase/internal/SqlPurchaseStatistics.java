package io.kopilka.purchase.internal;

import io.kopilka.purchase.PurchaseStatistics;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Set-based reads for the dashboard. The window is given as the zone's midnights, so that
 * {@code purchase_by_time} and {@code purchase_return_by_time} serve the range and only the grouping
 * converts to days.
 */
@Service
class SqlPurchaseStatistics implements PurchaseStatistics {
    private final JdbcClient jdbc;

    SqlPurchaseStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DaySales> sales(TenantId tenant, ZoneId zone, LocalDate from, LocalDate to, String storeCode) {
        return jdbc.sql("""
                SELECT CAST(occurred_at AT TIME ZONE :zone AS date) AS day, member_id IS NOT NULL AS by_members,
                       count(*) AS purchases, sum(payable) AS revenue
                FROM purchase
                WHERE tenant_id = :tenant AND occurred_at >= :start AND occurred_at < :end
                  AND (CAST(:store AS text) IS NULL OR store_code = :store)
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("tenant", tenant.value()).param("zone", zone.getId()).param("store", storeCode)
                .param("start", start(from, zone)).param("end", end(to, zone))
                .query((rs, i) -> new DaySales(rs.getObject("day", LocalDate.class), rs.getBoolean("by_members"),
                        rs.getLong("purchases"), rs.getBigDecimal("revenue")))
                .list();
    }

    @Override
    public List<DayReturns> returns(TenantId tenant, ZoneId zone, LocalDate from, LocalDate to, String storeCode) {
        return jdbc.sql("""
                SELECT CAST(r.created_at AT TIME ZONE :zone AS date) AS day, count(*) AS returns, sum(r.amount) AS amount
                FROM purchase_return r JOIN purchase p ON p.tenant_id = r.tenant_id AND p.id = r.purchase_id
                WHERE r.tenant_id = :tenant AND r.created_at >= :start AND r.created_at < :end
                  AND (CAST(:store AS text) IS NULL OR p.store_code = :store)
                GROUP BY 1 ORDER BY 1""")
                .param("tenant", tenant.value()).param("zone", zone.getId()).param("store", storeCode)
                .param("start", start(from, zone)).param("end", end(to, zone))
                .query((rs, i) -> new DayReturns(rs.getObject("day", LocalDate.class), rs.getLong("returns"),
                        rs.getBigDecimal("amount")))
                .list();
    }

    @Override
    public List<RuleUse> topRules(TenantId tenant, ZoneId zone, LocalDate from, LocalDate to, String storeCode,
                                  int limit) {
        // applied_rules is the receipt's own record (StoredAppliedRule): what each rule gave then, under the
        // name it had then; the latest name is shown. Guests' purchases are left out (a rule prices them but
        // gives nobody points), and so are rules without an id.
        return jdbc.sql("""
                SELECT a.rule ->> 'ruleId' AS rule_id,
                       (array_agg(a.rule ->> 'name' ORDER BY p.occurred_at DESC))[1] AS name,
                       sum(CAST(a.rule ->> 'points' AS bigint)) AS points, count(*) AS times
                FROM purchase p CROSS JOIN LATERAL jsonb_array_elements(p.applied_rules) AS a(rule)
                WHERE p.tenant_id = :tenant AND p.occurred_at >= :start AND p.occurred_at < :end
                  AND (CAST(:store AS text) IS NULL OR p.store_code = :store)
                  AND p.member_id IS NOT NULL AND a.rule ->> 'ruleId' IS NOT NULL
                GROUP BY 1 ORDER BY points DESC, times DESC, rule_id LIMIT :limit""")
                .param("tenant", tenant.value()).param("store", storeCode)
                .param("start", start(from, zone)).param("end", end(to, zone)).param("limit", limit)
                .query((rs, i) -> new RuleUse(rs.getString("rule_id"), rs.getString("name"), rs.getLong("points"),
                        rs.getLong("times")))
                .list();
    }

    private static Timestamp start(LocalDate from, ZoneId zone) {
        return Timestamp.from(from.atStartOfDay(zone).toInstant());
    }

    private static Timestamp end(LocalDate to, ZoneId zone) {
        return Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
