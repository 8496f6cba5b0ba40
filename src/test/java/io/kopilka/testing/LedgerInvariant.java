package io.kopilka.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's invariant, checked straight in the database: for every member of a tenant,
 * balance = Σ entries = Σ remaining of lots − debt, and no lot holds more than it was given.
 */
public final class LedgerInvariant {
    private LedgerInvariant() {
    }

    public record Row(UUID member, long balance, long entries, long lots, long debt) {
    }

    public static List<Row> rows(JdbcClient jdbc, UUID tenant) {
        return jdbc.sql("""
                SELECT a.member_id, a.balance,
                       COALESCE((SELECT SUM(points) FROM ledger_entry e
                                 WHERE e.tenant_id = a.tenant_id AND e.member_id = a.member_id), 0) AS entries,
                       COALESCE((SELECT SUM(remaining) FROM points_lot l
                                 WHERE l.tenant_id = a.tenant_id AND l.member_id = a.member_id), 0) AS lots,
                       a.debt
                FROM points_account a WHERE a.tenant_id = :tenant""")
                .param("tenant", tenant)
                .query((rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    public static void check(JdbcClient jdbc, UUID tenant) {
        for (Row r : rows(jdbc, tenant)) {
            assertThat(r.entries()).as("Σ entries of %s", r.member()).isEqualTo(r.balance());
            assertThat(r.lots() - r.debt()).as("Σ lots − debt of %s", r.member()).isEqualTo(r.balance());
        }
        Long badLots = jdbc.sql("SELECT COUNT(*) FROM points_lot WHERE tenant_id = :t AND (remaining < 0 OR remaining > points)")
                .param("t", tenant).query(Long.class).single();
        assertThat(badLots).isZero();
    }
}
