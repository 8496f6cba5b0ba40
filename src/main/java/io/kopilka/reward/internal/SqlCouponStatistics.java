package io.kopilka.reward.internal;

import io.kopilka.reward.CouponStatistics;
import io.kopilka.reward.Rewards;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** One statement over {@code coupon_by_issue}; the few rewards found are then named by the catalog. */
@Service
class SqlCouponStatistics implements CouponStatistics {
    private final JdbcClient jdbc;
    private final Rewards rewards;

    SqlCouponStatistics(JdbcClient jdbc, Rewards rewards) {
        this.jdbc = jdbc;
        this.rewards = rewards;
    }

    @Override
    public List<RewardIssues> topIssued(TenantId tenant, Instant start, Instant end, int limit) {
        record Row(String reward, long coupons) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT CAST(reward_id AS text) AS reward_id, count(*) AS coupons FROM coupon
                WHERE tenant_id = :tenant AND issued_at >= :start AND issued_at < :end
                GROUP BY reward_id ORDER BY coupons DESC, reward_id LIMIT :limit""")
                .param("tenant", tenant.value()).param("start", Timestamp.from(start))
                .param("end", Timestamp.from(end)).param("limit", limit)
                .query((rs, i) -> new Row(rs.getString("reward_id"), rs.getLong("coupons"))).list();
        return rows.stream()
                .map(r -> rewards.find(tenant, r.reward()).map(found -> new RewardIssues(found, r.coupons())))
                .flatMap(Optional::stream).toList();
    }
}
