package io.kopilka.ledger.internal;

import io.kopilka.ledger.Visits;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads {@code points_account}'s visits and last activity. The first visit is the earliest entry of a
 * purchase, looked up (through the history index) only for the members of the page.
 */
@Service
class SqlVisits implements Visits {
    private final JdbcClient jdbc;

    SqlVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MemberVisits> absentSince(TenantId tenant, Instant lastVisitBefore, Instant afterLastVisit,
                                          MemberId afterMember, int limit) {
        return jdbc.sql("""
                SELECT a.member_id, a.last_activity_at, a.visits,
                       (SELECT min(e.created_at) FROM ledger_entry e
                        WHERE e.tenant_id = a.tenant_id AND e.member_id = a.member_id
                          AND e.purchase_id IS NOT NULL) AS first_visit_at
                FROM points_account a
                WHERE a.tenant_id = :tenant AND a.visits > 0 AND a.last_activity_at < :before
                  AND (CAST(:afterAt AS timestamptz) IS NULL
                       OR (a.last_activity_at, a.member_id) > (CAST(:afterAt AS timestamptz), CAST(:afterMember AS uuid)))
                ORDER BY a.last_activity_at, a.member_id
                LIMIT :limit""")
                .param("tenant", tenant.value()).param("before", Timestamp.from(lastVisitBefore))
                .param("afterAt", afterLastVisit == null ? null : Timestamp.from(afterLastVisit))
                .param("afterMember", afterMember == null ? null : afterMember.value())
                .param("limit", limit)
                .query((rs, i) -> {
                    Timestamp first = rs.getTimestamp("first_visit_at");
                    return new MemberVisits(new MemberId(rs.getObject("member_id", UUID.class)),
                            first == null ? null : first.toInstant(), rs.getTimestamp("last_activity_at").toInstant(),
                            rs.getInt("visits"));
                }).list();
    }
}
