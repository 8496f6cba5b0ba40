package io.kopilka.ledger.internal;

import io.kopilka.ledger.PointHolders;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One statement per page. {@code points_account.balance} (Σ remaining − debt, pending and not yet written
 * off lots included) is never below what is available, so it rules out most members on the account row alone;
 * the rest have their spendable lots summed ({@code points_lot_live}). The primary key pages by member.
 */
@Service
class SqlPointHolders implements PointHolders {
    private final JdbcClient jdbc;

    SqlPointHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Holder> atLeast(TenantId tenant, long minPoints, Instant now, MemberId after, int limit) {
        return jdbc.sql("""
                SELECT member_id, available FROM (
                    SELECT a.member_id,
                           (SELECT COALESCE(sum(l.remaining), 0) FROM points_lot l
                            WHERE l.tenant_id = a.tenant_id AND l.member_id = a.member_id AND l.remaining > 0
                              AND l.available_at <= :now AND (l.expires_at IS NULL OR l.expires_at > :now))
                           - a.debt AS available
                    FROM points_account a
                    WHERE a.tenant_id = :tenant AND a.balance >= :min
                      AND (CAST(:after AS uuid) IS NULL OR a.member_id > CAST(:after AS uuid))) holders
                WHERE available >= :min
                ORDER BY member_id LIMIT :limit""")
                .param("tenant", tenant.value()).param("min", minPoints).param("now", Timestamp.from(now))
                .param("after", after == null ? null : after.value()).param("limit", limit)
                .query((rs, i) -> new Holder(new MemberId(rs.getObject("member_id", UUID.class)), rs.getLong("available")))
                .list();
    }
}
