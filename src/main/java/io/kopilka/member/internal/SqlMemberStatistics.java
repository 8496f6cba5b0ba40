package io.kopilka.member.internal;

import io.kopilka.member.MemberStatistics;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** One statement, served by {@code member_by_join} over the zone's midnights. */
@Service
class SqlMemberStatistics implements MemberStatistics {
    private final JdbcClient jdbc;

    SqlMemberStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<LocalDate, Long> joined(TenantId tenant, ZoneId zone, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        jdbc.sql("""
                SELECT CAST(created_at AT TIME ZONE :zone AS date) AS day, count(*) AS joined
                FROM member
                WHERE tenant_id = :tenant AND created_at >= :start AND created_at < :end
                GROUP BY 1""")
                .param("tenant", tenant.value()).param("zone", zone.getId())
                .param("start", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .query(rs -> {
                    byDay.put(rs.getObject("day", LocalDate.class), rs.getLong("joined"));
                });
        return byDay;
    }
}
