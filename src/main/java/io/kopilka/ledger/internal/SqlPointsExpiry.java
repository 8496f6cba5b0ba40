package io.kopilka.ledger.internal;

import io.kopilka.ledger.PointsExpired;
import io.kopilka.ledger.PointsExpiry;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expiry in set-based SQL, a batch of members per transaction.
 *
 * <p>Step one locks the members' account rows with {@code SKIP LOCKED}: a member who is buying right
 * now, or whom another instance is expiring, is left for the next run, and nobody waits. Step two,
 * a new statement and so a fresh snapshot taken after the locks were granted, zeroes their due lots,
 * appends one {@code expire} entry per lot and lowers each balance, all in one statement, which
 * answers one row per member; each becomes a {@link PointsExpired} in the batch's transaction.
 * Available balances never depend on this job: a lot stops counting at its {@code expires_at}
 * regardless.
 */
@Service
class SqlPointsExpiry implements PointsExpiry {
    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    SqlPointsExpiry(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
    }

    @Override
    public int expireDue(Instant now) {
        return expireDue(null, now);
    }

    @Override
    public int expireDue(TenantId tenant, Instant now) {
        int total = 0;
        while (true) {
            Integer expired = tx.execute(status -> expireBatch(tenant, now));
            if (expired == null || expired < 0) {
                return total;
            }
            total += expired;
        }
    }

    /** Returns the lots expired, or -1 when no member could be locked (nothing due, or all busy). */
    private int expireBatch(TenantId tenant, Instant now) {
        record Locked(UUID tenant, UUID member) {
        }
        List<Locked> locked = jdbc.sql("""
                SELECT a.tenant_id, a.member_id FROM points_account a
                WHERE (a.tenant_id, a.member_id) IN (
                    SELECT DISTINCT tenant_id, member_id FROM points_lot
                    WHERE remaining > 0 AND expires_at <= :now
                      AND (CAST(:tenant AS uuid) IS NULL OR tenant_id = :tenant) LIMIT :batch)
                FOR UPDATE OF a SKIP LOCKED""")
                .param("now", Timestamp.from(now)).param("batch", BATCH)
                .param("tenant", tenant == null ? null : tenant.value())
                .query((rs, i) -> new Locked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        if (locked.isEmpty()) {
            return -1;
        }
        List<PointsExpired> expired = jdbc.sql("""
                WITH members AS (
                    SELECT * FROM unnest(CAST(:tenants AS uuid[]), CAST(:members AS uuid[])) AS m(tenant_id, member_id)
                ), due AS (
                    SELECT l.tenant_id, l.id, l.member_id, l.remaining, l.expires_at
                    FROM points_lot l JOIN members m USING (tenant_id, member_id)
                    WHERE l.remaining > 0 AND l.expires_at <= :now
                ), zeroed AS (
                    UPDATE points_lot l SET remaining = 0 FROM due
                    WHERE l.tenant_id = due.tenant_id AND l.id = due.id
                    RETURNING due.tenant_id, due.id, due.member_id, due.remaining, due.expires_at
                ), entries AS (
                    INSERT INTO ledger_entry (tenant_id, id, member_id, type, points, lot_id, expires_at, created_at)
                    SELECT tenant_id, gen_random_uuid(), member_id, 'expire', -remaining, id, expires_at, expires_at
                    FROM zeroed
                    RETURNING tenant_id, member_id, id
                ), balances AS (
                    UPDATE points_account a SET balance = a.balance - s.points
                    FROM (SELECT tenant_id, member_id, SUM(remaining) AS points FROM zeroed GROUP BY 1, 2) s
                    WHERE a.tenant_id = s.tenant_id AND a.member_id = s.member_id
                    RETURNING a.tenant_id, a.member_id, s.points, a.balance
                )
                SELECT b.tenant_id, b.member_id, b.points, b.balance, array_agg(e.id ORDER BY e.id) AS entries
                FROM balances b JOIN entries e USING (tenant_id, member_id)
                GROUP BY b.tenant_id, b.member_id, b.points, b.balance""")
                .param("tenants", locked.stream().map(Locked::tenant).toArray(UUID[]::new))
                .param("members", locked.stream().map(Locked::member).toArray(UUID[]::new))
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new PointsExpired(new TenantId(rs.getObject("tenant_id", UUID.class)),
                        new MemberId(rs.getObject("member_id", UUID.class)), rs.getLong("points"),
                        List.of((UUID[]) rs.getArray("entries").getArray()), rs.getLong("balance"), now))
                .list();
        expired.forEach(events::publishEvent);
        return expired.stream().mapToInt(e -> e.entries().size()).sum();
    }
}
