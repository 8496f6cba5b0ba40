package io.kopilka.ledger.internal;

import io.kopilka.ledger.EntryType;
import io.kopilka.ledger.PointsStatistics;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Set-based reads for the dashboard. The day window is given as instants (the zone's midnights), so the
 * range is served by {@code ledger_entry_by_time} and only the grouping converts to the zone's days.
 */
@Service
class SqlPointsStatistics implements PointsStatistics {
    private final JdbcClient jdbc;

    SqlPointsStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DayMovement> movements(TenantId tenant, ZoneId zone, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT CAST(created_at AT TIME ZONE :zone AS date) AS day, type,
                       COALESCE(sum(points) FILTER (WHERE points > 0), 0) AS credited,
                       COALESCE(-sum(points) FILTER (WHERE points < 0), 0) AS debited
                FROM ledger_entry
                WHERE tenant_id = :tenant AND created_at >= :start AND created_at < :end
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("tenant", tenant.value()).param("zone", zone.getId())
                .param("start", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query((rs, i) -> new DayMovement(rs.getObject("day", LocalDate.class),
                        EntryType.fromCode(rs.getString("type")), rs.getLong("credited"), rs.getLong("debited")))
                .list();
    }

    @Override
    public long outstanding(TenantId tenant, Instant now) {
        // Pending lots are outstanding too (the liability includes points on the way); expired ones are not,
        // whether or not the expiry job has run yet (points leave the balance at expires_at).
        return jdbc.sql("""
                SELECT (SELECT COALESCE(sum(remaining), 0) FROM points_lot
                        WHERE tenant_id = :tenant AND remaining > 0 AND (expires_at IS NULL OR expires_at > :now))
                     - (SELECT COALESCE(sum(debt), 0) FROM points_account WHERE tenant_id = :tenant AND debt > 0)""")
                .param("tenant", tenant.value()).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    @Override
    public Expiring expiring(TenantId tenant, Instant now, Instant until) {
        record Row(UUID member, long points) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT member_id, sum(remaining) AS points FROM points_lot
                WHERE tenant_id = :tenant AND remaining > 0 AND expires_at IS NOT NULL
                  AND expires_at > :now AND expires_at <= :until
                GROUP BY member_id ORDER BY member_id""")
                .param("tenant", tenant.value()).param("now", Timestamp.from(now))
                .param("until", Timestamp.from(until))
                .query((rs, i) -> new Row(rs.getObject("member_id", UUID.class), rs.getLong("points"))).list();
        return new Expiring(rows.stream().mapToLong(Row::points).sum(),
                rows.stream().map(r -> new MemberId(r.member())).toList());
    }
}
