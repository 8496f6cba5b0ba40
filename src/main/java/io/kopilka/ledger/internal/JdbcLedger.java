package io.kopilka.ledger.internal;

import io.kopilka.ledger.Account;
import io.kopilka.ledger.Balance;
import io.kopilka.ledger.Credit;
import io.kopilka.ledger.Entry;
import io.kopilka.ledger.EntryType;
import io.kopilka.ledger.Ledger;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.TextJson;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger in SQL. Every change for a member happens under its account row lock, so lot
 * arithmetic is done with plain reads and set-based updates without lost updates. Lots are consumed
 * first-expiring-first in one statement (a running sum over the ordered live lots).
 */
@Service
class JdbcLedger implements Ledger {
    private static final String ACCOUNT = """
            SELECT a.member_id, a.balance, a.debt, a.lifetime_earned, a.lifetime_spend, a.visits, a.last_activity_at,
                   COALESCE(SUM(l.remaining) FILTER (WHERE l.available_at <= :now), 0) AS available_lots,
                   COALESCE(SUM(l.remaining) FILTER (WHERE l.available_at > :now), 0) AS pending
            FROM points_account a
            LEFT JOIN points_lot l ON l.tenant_id = a.tenant_id AND l.member_id = a.member_id
                 AND l.remaining > 0 AND (l.expires_at IS NULL OR l.expires_at > :now)
            WHERE a.tenant_id = :tenant AND a.member_id = ANY(:members)
            GROUP BY a.tenant_id, a.member_id
            """;

    private final JdbcClient jdbc;

    JdbcLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Account lock(TenantId tenant, MemberId member, Instant now) {
        return lockAll(tenant, List.of(member), now).getFirst();
    }

    @Override
    @Transactional
    public List<Account> lockAll(TenantId tenant, List<MemberId> members, Instant now) {
        UUID[] ids = members.stream().map(MemberId::value).sorted().distinct().toArray(UUID[]::new);
        // Lock in id order first; aggregate lots after, in a second statement that sees every commit
        // made before the locks were granted.
        List<UUID> locked = jdbc.sql("""
                SELECT member_id FROM points_account WHERE tenant_id = :tenant AND member_id = ANY(:members)
                ORDER BY member_id FOR UPDATE""")
                .param("tenant", tenant.value()).param("members", ids).query(UUID.class).list();
        if (locked.size() != ids.length) {
            throw ApiProblem.notFound("Member");
        }
        List<Account> accounts = read(tenant, ids, now);
        return members.stream().map(m -> accounts.stream().filter(a -> a.member().equals(m)).findFirst().orElseThrow())
                .toList();
    }

    private List<Account> read(TenantId tenant, UUID[] members, Instant now) {
        return jdbc.sql(ACCOUNT).param("tenant", tenant.value()).param("members", members).param("now", ts(now))
                .query(JdbcLedger::account).list();
    }

    @Override
    public Account peek(TenantId tenant, MemberId member, Instant now) {
        return read(tenant, new UUID[] {member.value()}, now).stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Member"));
    }

    @Override
    public Balance balance(TenantId tenant, MemberId member, Instant now) {
        List<Account> accounts = read(tenant, new UUID[] {member.value()}, now);
        if (accounts.isEmpty()) {
            return new Balance(0, 0, List.of());
        }
        Account a = accounts.getFirst();
        List<Balance.Expiring> expiring = jdbc.sql("""
                SELECT SUM(remaining) AS points, expires_at FROM points_lot
                WHERE tenant_id = :tenant AND member_id = :member AND remaining > 0 AND expires_at > :now
                GROUP BY expires_at ORDER BY expires_at LIMIT 5""")
                .param("tenant", tenant.value()).param("member", member.value()).param("now", ts(now))
                .query((rs, i) -> new Balance.Expiring(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        return new Balance(a.available(), a.pending(), expiring);
    }

    @Override
    @Transactional
    public Account post(TenantId tenant, Account locked, Posting posting, Instant now) {
        long redeem = posting.redeem();
        if (redeem > 0 && redeem > locked.available()) {
            throw new ApiProblem(409, "insufficient_points", "The member has " + Math.max(0, locked.available())
                    + " points available, " + redeem + " requested", List.of(), Map.of("available", locked.available()));
        }
        Credit earn = posting.earn();
        long earned = earn == null ? 0 : earn.points();
        long paid = Math.min(locked.debt(), earned); // the debt is paid before a lot is made
        long lotPoints = earned - paid;
        boolean availableNow = earn == null || !earn.availableAt().isAfter(now);
        UUID lotId = Ids.next();
        long spent = jdbc.sql("""
                WITH ordered AS (
                    SELECT id, remaining,
                           SUM(remaining) OVER (ORDER BY expires_at NULLS LAST, available_at, id) AS running
                    FROM points_lot
                    WHERE :redeem > 0 AND tenant_id = :tenant AND member_id = :member AND remaining > 0
                      AND (expires_at IS NULL OR expires_at > :now) AND available_at <= :now
                ), take AS (
                    SELECT id, LEAST(remaining, :redeem - (running - remaining)) AS points
                    FROM ordered WHERE running - remaining < :redeem
                ), spent AS (
                    UPDATE points_lot l SET remaining = l.remaining - take.points
                    FROM take WHERE l.tenant_id = :tenant AND l.id = take.id
                    RETURNING take.points
                ), lot AS (
                    INSERT INTO points_lot (tenant_id, id, member_id, points, remaining, available_at, expires_at,
                                            purchase_id, created_at)
                    SELECT :tenant, :lot, :member, :lotPoints, :lotPoints, CAST(:availableAt AS timestamptz),
                           CAST(:expiresAt AS timestamptz), :purchase, CAST(:now AS timestamptz)
                    WHERE :lotPoints > 0
                    RETURNING id
                ), account AS (
                    UPDATE points_account SET balance = balance - :redeem + :earned, debt = debt - :paid,
                           lifetime_earned = lifetime_earned + :earned, lifetime_spend = lifetime_spend + :spend,
                           visits = visits + :visits, last_activity_at = GREATEST(last_activity_at, :now)
                    WHERE tenant_id = :tenant AND member_id = :member
                    RETURNING 1
                ), entries AS (
                    INSERT INTO ledger_entry (tenant_id, id, member_id, type, points, lot_id, purchase_id, rule_name,
                                              note, explanation, expires_at, created_at)
                    SELECT :tenant, :redeemEntry, :member, 'redeem', -:redeem, CAST(NULL AS uuid), :purchase,
                           CAST(NULL AS text), CAST(NULL AS text), CAST(NULL AS jsonb), CAST(NULL AS timestamptz),
                           CAST(:now AS timestamptz)
                    WHERE :redeem > 0
                    UNION ALL
                    SELECT :tenant, :earnEntry, :member, 'earn', :earned, (SELECT id FROM lot), :purchase,
                           CAST(:rule AS text), CAST(:note AS text), CAST(:explanation AS jsonb),
                           CAST(:expiresAt AS timestamptz), CAST(:now AS timestamptz)
                    WHERE :earned > 0
                    RETURNING 1
                )
                SELECT COALESCE(SUM(points), 0) FROM spent""")
                .param("tenant", tenant.value()).param("member", locked.member().value()).param("now", ts(now))
                .param("redeem", redeem).param("earned", earned).param("paid", paid).param("lotPoints", lotPoints)
                .param("lot", lotId).param("purchase", posting.purchaseId())
                .param("availableAt", ts(earn == null ? now : earn.availableAt()))
                .param("expiresAt", ts(earn == null ? null : earn.expiresAt()))
                .param("spend", posting.spend()).param("visits", posting.visits())
                .param("redeemEntry", Ids.next()).param("earnEntry", Ids.next())
                .param("rule", earn == null ? null : earn.ruleName()).param("note", earn == null ? null : earn.note())
                .param("explanation", earn == null ? null : TextJson.write(earn.explanation()))
                .query(Long.class).single();
        if (spent != redeem) {
            throw new IllegalStateException("lots gave " + spent + " of " + redeem + " available points");
        }
        return locked.after(redeem, earned, availableNow, posting.spend(), posting.visits(), now);
    }

    @Override
    @Transactional
    public void credit(TenantId tenant, MemberId member, Credit credit, Instant now) {
        // Debt is paid first: the lot holds only what is left over.
        long debt = jdbc.sql("SELECT debt FROM points_account WHERE tenant_id = :tenant AND member_id = :member")
                .param("tenant", tenant.value()).param("member", member.value()).query(Long.class).single();
        long paid = Math.min(debt, credit.points());
        UUID lotId = null;
        if (credit.points() > paid) {
            lotId = Ids.next();
            jdbc.sql("""
                    INSERT INTO points_lot (tenant_id, id, member_id, points, remaining, available_at, expires_at,
                                            purchase_id, created_at)
                    VALUES (:tenant, :id, :member, :points, :points, :availableAt, :expiresAt, :purchase, :now)""")
                    .param("tenant", tenant.value()).param("id", lotId).param("member", member.value())
                    .param("points", credit.points() - paid).param("availableAt", ts(credit.availableAt()))
                    .param("expiresAt", ts(credit.expiresAt())).param("purchase", credit.purchaseId())
                    .param("now", ts(now)).update();
        }
        boolean earning = credit.type() != EntryType.REFUND && credit.type() != EntryType.TRANSFER_IN;
        jdbc.sql("""
                UPDATE points_account SET balance = balance + :points, debt = debt - :paid,
                       lifetime_earned = lifetime_earned + :earned
                WHERE tenant_id = :tenant AND member_id = :member""")
                .param("points", credit.points()).param("paid", paid).param("earned", earning ? credit.points() : 0)
                .param("tenant", tenant.value()).param("member", member.value()).update();
        insertEntry(tenant, member, credit.type(), credit.points(), lotId, credit.purchaseId(), credit.returnId(), null,
                credit.ruleName(), credit.reason(), credit.note(), credit.actor(), credit.expiresAt(), now);
    }

    @Override
    @Transactional
    public void spend(TenantId tenant, MemberId member, EntryType type, long points, UUID purchaseId, String reason,
                      String note, String actor, Instant now) {
        if (points <= 0) {
            throw new IllegalArgumentException("spend is positive: " + points);
        }
        Account account = read(tenant, new UUID[] {member.value()}, now).getFirst();
        if (account.available() < points) {
            throw new ApiProblem(409, "insufficient_points", "The member has " + Math.max(0, account.available())
                    + " points available, " + points + " requested", List.of(),
                    Map.of("available", account.available()));
        }
        List<Taken> taken = consume(tenant, member, points, now, null, false);
        long total = taken.stream().mapToLong(Taken::points).sum();
        if (total != points) {
            throw new IllegalStateException("lots gave " + total + " of " + points + " available points");
        }
        jdbc.sql("UPDATE points_account SET balance = balance - :points WHERE tenant_id = :tenant AND member_id = :member")
                .param("points", points).param("tenant", tenant.value()).param("member", member.value()).update();
        insertEntry(tenant, member, type, -points, null, purchaseId, null, null, null, reason, note, actor, null, now);
    }

    @Override
    @Transactional
    public void takeBack(TenantId tenant, MemberId member, long points, UUID purchaseId, UUID returnId, Instant now) {
        if (points <= 0) {
            return;
        }
        long found = consume(tenant, member, points, now, purchaseId, true).stream().mapToLong(Taken::points).sum();
        jdbc.sql("""
                UPDATE points_account SET balance = balance - :points, debt = debt + :debt
                WHERE tenant_id = :tenant AND member_id = :member""")
                .param("points", points).param("debt", points - found)
                .param("tenant", tenant.value()).param("member", member.value()).update();
        insertEntry(tenant, member, EntryType.REVERSE, -points, null, purchaseId, returnId, null, null, null, null,
                null, null, now);
    }

    @Override
    @Transactional
    public UUID transfer(TenantId tenant, MemberId from, MemberId to, long points, Instant now) {
        if (from.equals(to)) {
            throw ApiProblem.invalid("toMemberId", "must be another member");
        }
        List<Account> accounts = lockAll(tenant, List.of(from, to), now);
        Account source = accounts.getFirst();
        if (source.available() < points) {
            throw new ApiProblem(409, "insufficient_points", "The member has " + Math.max(0, source.available())
                    + " points available, " + points + " requested", List.of(),
                    Map.of("available", source.available()));
        }
        UUID transferId = Ids.next();
        jdbc.sql("""
                INSERT INTO transfer (tenant_id, id, from_member_id, to_member_id, points, created_at)
                VALUES (:tenant, :id, :from, :to, :points, :now)""")
                .param("tenant", tenant.value()).param("id", transferId).param("from", from.value())
                .param("to", to.value()).param("points", points).param("now", ts(now)).update();
        List<Taken> taken = consume(tenant, from, points, now, null, false);
        jdbc.sql("UPDATE points_account SET balance = balance - :points WHERE tenant_id = :tenant AND member_id = :member")
                .param("points", points).param("tenant", tenant.value()).param("member", from.value()).update();
        insertEntry(tenant, from, EntryType.TRANSFER_OUT, -points, null, null, null, transferId, null, null, null, null,
                null, now);
        // The recipient gets lots with the sender's expiry dates: a transfer never extends a point's life.
        long debt = accounts.get(1).debt();
        long paid = Math.min(debt, points);
        long toPay = paid;
        for (Taken t : taken.stream().sorted(Comparator.comparing(Taken::expiresAt,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList()) {
            long pay = Math.min(toPay, t.points());
            toPay -= pay;
            if (t.points() > pay) {
                jdbc.sql("""
                        INSERT INTO points_lot (tenant_id, id, member_id, points, remaining, available_at, expires_at,
                                                created_at)
                        VALUES (:tenant, :id, :member, :points, :points, :now, :expiresAt, :now)""")
                        .param("tenant", tenant.value()).param("id", Ids.next()).param("member", to.value())
                        .param("points", t.points() - pay).param("expiresAt", ts(t.expiresAt())).param("now", ts(now))
                        .update();
            }
        }
        jdbc.sql("""
                UPDATE points_account SET balance = balance + :points, debt = debt - :paid
                WHERE tenant_id = :tenant AND member_id = :member""")
                .param("points", points).param("paid", paid).param("tenant", tenant.value())
                .param("member", to.value()).update();
        insertEntry(tenant, to, EntryType.TRANSFER_IN, points, null, null, null, transferId, null, null, null, null,
                null, now);
        return transferId;
    }

    @Override
    @Transactional
    public void recordActivity(TenantId tenant, MemberId member, BigDecimal spend, int visits, Instant now) {
        jdbc.sql("""
                UPDATE points_account SET lifetime_spend = lifetime_spend + :spend, visits = visits + :visits,
                       last_activity_at = GREATEST(last_activity_at, :now)
                WHERE tenant_id = :tenant AND member_id = :member""")
                .param("spend", spend).param("visits", visits).param("now", ts(now))
                .param("tenant", tenant.value()).param("member", member.value()).update();
    }

    @Override
    @Transactional
    public void extendExpiry(TenantId tenant, MemberId member, Instant newExpiry, Instant now) {
        if (newExpiry != null) {
            // Expiry after inactivity: activity pushes every live lot forward; lots already past
            // their expiry stay expired.
            jdbc.sql("""
                    UPDATE points_lot SET expires_at = :expiresAt
                    WHERE tenant_id = :tenant AND member_id = :member AND remaining > 0
                      AND (expires_at IS NULL OR expires_at > :now) AND expires_at IS DISTINCT FROM :expiresAt""")
                    .param("expiresAt", ts(newExpiry)).param("now", ts(now))
                    .param("tenant", tenant.value()).param("member", member.value()).update();
        }
    }

    @Override
    public List<Entry> history(TenantId tenant, MemberId member, Instant beforeCreatedAt, UUID beforeId, int limit) {
        return jdbc.sql("""
                SELECT id, type, points, created_at, expires_at, purchase_id, return_id, transfer_id, rule_name,
                       reason, note, explanation
                FROM ledger_entry
                WHERE tenant_id = :tenant AND member_id = :member
                  AND (CAST(:before AS timestamptz) IS NULL OR (created_at, id) < (:before, :beforeId))
                ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant.value()).param("member", member.value()).param("before", ts(beforeCreatedAt))
                .param("beforeId", beforeId == null ? new UUID(0, 0) : beforeId).param("limit", limit)
                .query((rs, i) -> new Entry(rs.getObject("id", UUID.class), EntryType.fromCode(rs.getString("type")),
                        rs.getLong("points"), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("expires_at")), rs.getObject("purchase_id", UUID.class),
                        rs.getObject("return_id", UUID.class), rs.getObject("transfer_id", UUID.class),
                        rs.getString("rule_name"), rs.getString("reason"), rs.getString("note"),
                        TextJson.read(rs.getString("explanation"))))
                .list();
    }

    private record Taken(UUID lot, long points, Instant expiresAt) {
    }

    /**
     * Lowers live lots by up to {@code points} in one statement and says what it took from which lot.
     * Spending takes only available lots, first-expiring-first. Taking back (a return) starts with the
     * purchase's own lot, then available lots, then pending ones.
     */
    private List<Taken> consume(TenantId tenant, MemberId member, long points, Instant now, UUID purchaseFirst,
                                boolean includePending) {
        return jdbc.sql("""
                WITH ordered AS (
                    SELECT id, remaining, expires_at,
                           SUM(remaining) OVER (ORDER BY (purchase_id IS NOT DISTINCT FROM CAST(:purchase AS uuid)
                                                          AND CAST(:purchase AS uuid) IS NOT NULL) DESC,
                                                         available_at > :now, expires_at NULLS LAST, available_at, id)
                               AS running
                    FROM points_lot
                    WHERE tenant_id = :tenant AND member_id = :member AND remaining > 0
                      AND (expires_at IS NULL OR expires_at > :now) AND (:pending OR available_at <= :now)
                ), take AS (
                    SELECT id, LEAST(remaining, :points - (running - remaining)) AS points, expires_at
                    FROM ordered WHERE running - remaining < :points
                )
                UPDATE points_lot l SET remaining = l.remaining - take.points
                FROM take WHERE l.tenant_id = :tenant AND l.id = take.id
                RETURNING l.id, take.points, take.expires_at""")
                .param("tenant", tenant.value()).param("member", member.value()).param("now", ts(now))
                .param("purchase", purchaseFirst).param("pending", includePending).param("points", points)
                .query((rs, i) -> new Taken(rs.getObject(1, UUID.class), rs.getLong(2), instant(rs.getTimestamp(3))))
                .list();
    }

    private void insertEntry(TenantId tenant, MemberId member, EntryType type, long points, UUID lot, UUID purchase,
                             UUID returnId, UUID transfer, String ruleName, String reason, String note, String actor,
                             Instant expiresAt, Instant now) {
        jdbc.sql("""
                INSERT INTO ledger_entry (tenant_id, id, member_id, type, points, lot_id, purchase_id, return_id,
                                          transfer_id, rule_name, reason, note, actor, expires_at, created_at)
                VALUES (:tenant, :id, :member, :type, :points, :lot, :purchase, :return, :transfer, :rule, :reason,
                        :note, :actor, :expiresAt, :now)""")
                .param("tenant", tenant.value()).param("id", Ids.next()).param("member", member.value())
                .param("type", type.code()).param("points", points).param("lot", lot).param("purchase", purchase)
                .param("return", returnId).param("transfer", transfer).param("rule", ruleName).param("reason", reason)
                .param("note", note).param("actor", actor).param("expiresAt", ts(expiresAt)).param("now", ts(now))
                .update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(new MemberId(rs.getObject("member_id", UUID.class)), rs.getLong("balance"),
                rs.getLong("debt"), rs.getLong("available_lots"), rs.getLong("pending"), rs.getLong("lifetime_earned"),
                rs.getBigDecimal("lifetime_spend"), rs.getInt("visits"), instant(rs.getTimestamp("last_activity_at")));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
