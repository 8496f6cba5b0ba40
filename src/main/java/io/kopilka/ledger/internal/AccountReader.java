package io.kopilka.ledger.internal;

import io.kopilka.ledger.Account;
import io.kopilka.ledger.LockedAccount;
import io.kopilka.ledger.Lot;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads accounts with their live lots, one row per lot: what a plan needs, and what a balance is
 * summed from. Locking takes the account rows {@code FOR UPDATE} in member-id order first, then
 * reads in a second statement, which (under READ COMMITTED) sees every commit made before the
 * locks were granted.
 */
@Component
class AccountReader {
    private final JdbcClient jdbc;

    AccountReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account and its live lots, read with or without the lock. */
    record Read(Account account, List<Lot> lots) {
    }

    /** Locks the members' accounts and reads them; 404 when one has none. In the order asked. */
    List<LockedAccount> lock(TenantId tenant, List<MemberId> members, Instant now) {
        UUID[] ids = members.stream().map(MemberId::value).sorted().distinct().toArray(UUID[]::new);
        List<UUID> locked = jdbc.sql("""
                SELECT member_id FROM points_account WHERE tenant_id = :tenant AND member_id = ANY(:members)
                ORDER BY member_id FOR UPDATE""")
                .param("tenant", tenant.value()).param("members", ids).query(UUID.class).list();
        if (locked.size() != ids.length) {
            throw ApiProblem.notFound("Member");
        }
        Map<MemberId, Read> read = read(tenant, ids, now);
        return members.stream().map(read::get).map(r -> new LockedAccount(r.account(), r.lots())).toList();
    }

    /** The member's account and live lots without a lock; empty when the member has no account. */
    Optional<Read> read(TenantId tenant, MemberId member, Instant now) {
        return Optional.ofNullable(read(tenant, new UUID[] {member.value()}, now).get(member));
    }

    private Map<MemberId, Read> read(TenantId tenant, UUID[] members, Instant now) {
        record Row(MemberId member, long balance, long debt, long lifetimeEarned, BigDecimal lifetimeSpend, int visits,
                   Instant lastActivityAt, Lot lot) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT a.member_id, a.balance, a.debt, a.lifetime_earned, a.lifetime_spend, a.visits, a.last_activity_at,
                       l.id AS lot_id, l.remaining, l.available_at, l.expires_at, l.purchase_id
                FROM points_account a
                LEFT JOIN points_lot l ON l.tenant_id = a.tenant_id AND l.member_id = a.member_id
                     AND l.remaining > 0 AND (l.expires_at IS NULL OR l.expires_at > :now)
                WHERE a.tenant_id = :tenant AND a.member_id = ANY(:members)""")
                .param("tenant", tenant.value()).param("members", members).param("now", Timestamp.from(now))
                .query((rs, i) -> {
                    UUID lot = rs.getObject("lot_id", UUID.class);
                    return new Row(new MemberId(rs.getObject("member_id", UUID.class)), rs.getLong("balance"),
                            rs.getLong("debt"), rs.getLong("lifetime_earned"), rs.getBigDecimal("lifetime_spend"),
                            rs.getInt("visits"), instant(rs.getTimestamp("last_activity_at")),
                            lot == null ? null : new Lot(lot, rs.getLong("remaining"),
                                    rs.getTimestamp("available_at").toInstant(), instant(rs.getTimestamp("expires_at")),
                                    purchase(rs.getObject("purchase_id", UUID.class))));
                }).list();
        Map<MemberId, List<Row>> byMember = new LinkedHashMap<>();
        rows.forEach(r -> byMember.computeIfAbsent(r.member(), m -> new ArrayList<>()).add(r));
        Map<MemberId, Read> accounts = new LinkedHashMap<>();
        byMember.forEach((member, list) -> {
            Row a = list.getFirst();
            List<Lot> lots = list.stream().map(Row::lot).filter(Objects::nonNull).toList();
            accounts.put(member, new Read(Account.of(member, a.balance(), a.debt(), a.lifetimeEarned(),
                    a.lifetimeSpend(), a.visits(), a.lastActivityAt(), lots, now), lots));
        });
        return accounts;
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static PurchaseId purchase(UUID id) {
        return id == null ? null : new PurchaseId(id);
    }
}
