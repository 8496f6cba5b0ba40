package io.kopilka.member.internal;

import io.kopilka.member.Member;
import io.kopilka.member.MemberSearch;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcMemberSearch implements MemberSearch {
    /** Fewer digits than this match too many phones to help. */
    private static final int MIN_PHONE_DIGITS = 4;

    private final JdbcClient jdbc;
    private final JdbcMembers rows;

    JdbcMemberSearch(JdbcClient jdbc, JdbcMembers rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    @Override
    public List<Member> newest(TenantId tenant, MemberId before, int limit) {
        // Ids are UUIDv7: their order is the order members joined in, and the primary key serves it.
        return jdbc.sql("""
                SELECT * FROM member WHERE tenant_id = :tenant AND erased_at IS NULL
                  AND (CAST(:before AS uuid) IS NULL OR id < :before)
                ORDER BY id DESC LIMIT :limit""")
                .param("tenant", tenant.value()).param("before", before == null ? null : before.value())
                .param("limit", limit).query(rows::map).list();
    }

    @Override
    public List<Member> matching(TenantId tenant, String text, MemberId before, int limit) {
        String typed = text == null ? "" : text.strip();
        if (typed.length() > MAX_TEXT) {
            typed = typed.substring(0, MAX_TEXT);
        }
        if (typed.isEmpty()) {
            return newest(tenant, before, limit);
        }
        String digits = typed.replaceAll("\\D", "");
        return jdbc.sql("""
                SELECT * FROM member WHERE tenant_id = :tenant AND erased_at IS NULL
                  AND (CAST(:before AS uuid) IS NULL OR id < :before)
                  AND (name ILIKE :pattern ESCAPE '\\' OR email ILIKE :pattern ESCAPE '\\'
                       OR (CAST(:digits AS text) IS NOT NULL AND phone LIKE :digits))
                ORDER BY id DESC LIMIT :limit""")
                .param("tenant", tenant.value()).param("before", before == null ? null : before.value())
                .param("pattern", "%" + escape(typed) + "%")
                .param("digits", digits.length() >= MIN_PHONE_DIGITS ? "%" + digits + "%" : null)
                .param("limit", limit).query(rows::map).list();
    }

    /** A typed % or _ is a character to find, not a wildcard. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
