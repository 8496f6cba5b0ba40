package io.kopilka.ledger.internal;

import io.kopilka.ledger.ExpiringLots;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One statement per page: the page's members from the lots expiring in the window ({@code points_lot_expiring},
 * the expiry job's partial index, serves the range), then those members' lots in that window.
 */
@Service
class SqlExpiringLots implements ExpiringLots {
    private final JdbcClient jdbc;

    SqlExpiringLots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MemberLots> expiringBefore(TenantId tenant, Instant now, Instant until, MemberId after, int limit) {
        record Row(UUID member, long remaining, Instant expiresAt, Instant createdAt) {
        }
        List<Row> rows = jdbc.sql("""
                WITH page AS (
                    SELECT DISTINCT member_id FROM points_lot
                    WHERE tenant_id = :tenant AND remaining > 0 AND expires_at IS NOT NULL
                      AND expires_at > :now AND expires_at <= :until
                      AND (CAST(:after AS uuid) IS NULL OR member_id > CAST(:after AS uuid))
                    ORDER BY member_id LIMIT :limit)
                SELECT l.member_id, l.remaining, l.expires_at, l.created_at
                FROM points_lot l JOIN page p ON p.member_id = l.member_id
                WHERE l.tenant_id = :tenant AND l.remaining > 0 AND l.expires_at IS NOT NULL
                  AND l.expires_at > :now AND l.expires_at <= :until
                ORDER BY l.member_id, l.expires_at""")
                .param("tenant", tenant.value()).param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until)).param("after", after == null ? null : after.value())
                .param("limit", limit)
                .query((rs, i) -> new Row(rs.getObject("member_id", UUID.class), rs.getLong("remaining"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("created_at").toInstant()))
                .list();
        Map<UUID, List<ExpiringLot>> byMember = new LinkedHashMap<>();
        for (Row row : rows) {
            byMember.computeIfAbsent(row.member(), m -> new ArrayList<>())
                    .add(new ExpiringLot(row.remaining(), row.expiresAt(), row.createdAt()));
        }
        return byMember.entrySet().stream()
                .map(e -> new MemberLots(new MemberId(e.getKey()), e.getValue())).toList();
    }
}
