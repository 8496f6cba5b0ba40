package io.kopilka.tier.internal;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tier.ActivityTotals;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Qualifying activity (tier_activity): one row per purchase and per return, summed over windows. */
@Component
class ActivityStore {
    /** The start of a lifetime window: nothing happened before it. */
    private static final Instant BEGINNING = Instant.EPOCH;

    private final JdbcClient jdbc;

    ActivityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns false when this purchase was recorded before (a repeated call does nothing). */
    boolean recordPurchase(TenantId tenant, MemberId member, UUID purchaseId, BigDecimal spend, long points,
                           Instant occurredAt, Instant now) {
        return insert(tenant, purchaseId, member, purchaseId, occurredAt, now, spend, points, 1) > 0;
    }

    /** When the purchase was recorded, and its spend net of returns so far; empty if it never was. */
    Optional<Recorded> purchase(TenantId tenant, UUID purchaseId) {
        return jdbc.sql("""
                SELECT MIN(occurred_at) FILTER (WHERE id = purchase_id) AS occurred_at, SUM(spend) AS spend
                FROM tier_activity WHERE tenant_id = :tenant AND purchase_id = :purchase
                HAVING COUNT(*) FILTER (WHERE id = purchase_id) > 0""")
                .param("tenant", tenant.value()).param("purchase", purchaseId)
                .query((rs, i) -> new Recorded(rs.getTimestamp("occurred_at").toInstant(), rs.getBigDecimal("spend")))
                .optional();
    }

    record Recorded(Instant occurredAt, BigDecimal netSpend) {
    }

    void recordReturn(TenantId tenant, MemberId member, UUID purchaseId, UUID returnId, BigDecimal amount,
                      long points, int visits, Instant occurredAt, Instant now) {
        insert(tenant, returnId, member, purchaseId, occurredAt, now, amount.negate(), -points, visits);
    }

    private int insert(TenantId tenant, UUID id, MemberId member, UUID purchaseId, Instant occurredAt, Instant now,
                       BigDecimal spend, long points, int visits) {
        return jdbc.sql("""
                INSERT INTO tier_activity (tenant_id, id, member_id, purchase_id, occurred_at, recorded_at, spend,
                                           points, visits)
                VALUES (:tenant, :id, :member, :purchase, :occurredAt, :now, :spend, :points, :visits)
                ON CONFLICT (tenant_id, id) DO NOTHING""")
                .param("tenant", tenant.value()).param("id", id).param("member", member.value())
                .param("purchase", purchaseId).param("occurredAt", Timestamp.from(occurredAt))
                .param("now", Timestamp.from(now)).param("spend", spend).param("points", points)
                .param("visits", visits).update();
    }

    /** The member's totals over [start, now]; see {@link io.kopilka.tier.Window} for the bounds. */
    ActivityTotals totals(TenantId tenant, MemberId member, Optional<Instant> start, Instant now) {
        return totals(tenant, List.of(member), start, now).getOrDefault(member, ActivityTotals.NONE);
    }

    /** Totals of several members in one statement; members without activity are absent. */
    Map<MemberId, ActivityTotals> totals(TenantId tenant, List<MemberId> members, Optional<Instant> start,
                                         Instant now) {
        Map<MemberId, ActivityTotals> totals = new HashMap<>();
        jdbc.sql("""
                SELECT member_id, SUM(spend) AS spend, SUM(points) AS points, SUM(visits) AS visits
                FROM tier_activity
                WHERE tenant_id = :tenant AND member_id = ANY (CAST(:members AS uuid[]))
                  AND occurred_at >= :start AND occurred_at <= :now
                GROUP BY member_id""")
                .param("tenant", tenant.value())
                .param("members", members.stream().map(MemberId::value).toArray(UUID[]::new))
                .param("start", Timestamp.from(start.orElse(BEGINNING))).param("now", Timestamp.from(now))
                .query(rs -> {
                    totals.put(new MemberId(rs.getObject("member_id", UUID.class)), new ActivityTotals(
                            rs.getBigDecimal("spend"), rs.getLong("points"), rs.getLong("visits")));
                });
        return totals;
    }
}
