package io.kopilka.notification.internal;

import io.kopilka.notification.NoticeKind;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the reminder jobs ask of the {@code notification} log for a page of members at once, through the
 * (tenant, member, kind, occasion) key: one statement a page instead of one a member.
 */
@Repository
class ReminderLog {
    private final JdbcClient jdbc;

    ReminderLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** When each of these members last had a notice of this kind, of any status; members with none are absent. */
    Map<MemberId, Instant> lastOf(TenantId tenant, NoticeKind kind, Collection<MemberId> members) {
        record Last(MemberId member, Instant at) {
        }
        Map<MemberId, Instant> last = new HashMap<>();
        jdbc.sql("""
                SELECT member_id, max(created_at) FROM notification
                WHERE tenant_id = :tenant AND member_id = ANY(:members) AND kind = :kind GROUP BY member_id""")
                .param("tenant", tenant.value()).param("members", ids(members)).param("kind", kind.code())
                .query((rs, i) -> new Last(new MemberId(rs.getObject(1, UUID.class)), rs.getTimestamp(2).toInstant()))
                .list().forEach(l -> last.put(l.member(), l.at()));
        return last;
    }

    /** Which of these occasions (of these members) already have their notice of this kind. */
    Set<String> noticed(TenantId tenant, NoticeKind kind, Collection<MemberId> members, Collection<String> occasions) {
        return new HashSet<>(jdbc.sql("""
                SELECT occasion FROM notification
                WHERE tenant_id = :tenant AND member_id = ANY(:members) AND kind = :kind AND occasion = ANY(:occasions)""")
                .param("tenant", tenant.value()).param("members", ids(members)).param("kind", kind.code())
                .param("occasions", occasions.toArray(String[]::new)).query(String.class).list());
    }

    private static UUID[] ids(Collection<MemberId> members) {
        return members.stream().map(MemberId::value).distinct().toArray(UUID[]::new);
    }
}
