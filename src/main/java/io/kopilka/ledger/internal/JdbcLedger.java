package io.kopilka.ledger.internal;

import io.kopilka.ledger.Account;
import io.kopilka.ledger.Adjustment;
import io.kopilka.ledger.Balance;
import io.kopilka.ledger.Credit;
import io.kopilka.ledger.Debit;
import io.kopilka.ledger.Entry;
import io.kopilka.ledger.EntryType;
import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.LockedAccount;
import io.kopilka.ledger.PostingPlan;
import io.kopilka.ledger.Transfer;
import io.kopilka.member.Member;
import io.kopilka.program.Programs;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.TextJson;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Tenants;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger in SQL. Every change for a member happens under its account row lock: a write plans
 * from the account and lots read under it ({@link PostingPlan}) and {@link PlanWriter} writes the
 * plan in one statement.
 */
@Service
class JdbcLedger implements Ledger {
    private final JdbcClient jdbc;
    private final AccountReader accounts;
    private final PlanWriter writer;
    private final Programs programs;
    private final Tenants tenants;

    JdbcLedger(JdbcClient jdbc, AccountReader accounts, PlanWriter writer, Programs programs, Tenants tenants) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.writer = writer;
        this.programs = programs;
        this.tenants = tenants;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public LockedAccount lock(TenantId tenant, MemberId member, Instant now) {
        return accounts.lock(tenant, List.of(member), now).getFirst();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<LockedAccount> lockAll(TenantId tenant, List<MemberId> members, Instant now) {
        return accounts.lock(tenant, members, now);
    }

    @Override
    public Account peek(TenantId tenant, MemberId member, Instant now) {
        return accounts.read(tenant, member, now).orElseThrow(() -> ApiProblem.notFound("Member")).account();
    }

    @Override
    public Balance balance(TenantId tenant, MemberId member, Instant now) {
        return accounts.read(tenant, member, now).map(a -> Balance.of(a.account(), a.lots(), now))
                .orElse(new Balance(0, 0, List.of()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public LockedAccount post(TenantId tenant, LockedAccount locked, Posting posting, Instant now) {
        return write(tenant, PostingPlan.post(locked, posting, now), now);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<LockedAccount> postAll(TenantId tenant, List<LockedAccount> locked, List<Posting> postings,
                                       Instant now) {
        if (locked.size() != postings.size()
                || locked.stream().map(LockedAccount::member).distinct().count() != locked.size()) {
            // Two plans from one account read would both start from it: the second would undo the first.
            throw new IllegalArgumentException("postAll takes one posting for each of distinct accounts");
        }
        List<PostingPlan> plans = new java.util.ArrayList<>(locked.size());
        for (int i = 0; i < locked.size(); i++) {
            plans.add(PostingPlan.post(locked.get(i), postings.get(i), now));
        }
        writer.write(tenant, plans, now);
        return plans.stream().map(PostingPlan::after).toList();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public LockedAccount credit(TenantId tenant, LockedAccount locked, Credit credit, Instant now) {
        return write(tenant, PostingPlan.credit(locked, credit, now), now);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public LockedAccount spend(TenantId tenant, LockedAccount locked, Debit debit, Instant now) {
        return write(tenant, PostingPlan.spend(locked, debit, now), now);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public LockedAccount takeBack(TenantId tenant, LockedAccount locked, long points, PurchaseId purchaseId,
                                  ReturnId returnId, Instant now) {
        return write(tenant, PostingPlan.takeBack(locked, points, purchaseId, returnId, now), now);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public LockedAccount recordActivity(TenantId tenant, LockedAccount locked, BigDecimal spend, int visits,
                                        Instant now) {
        return write(tenant, PostingPlan.activity(locked, spend, visits, now), now);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public LockedAccount extendExpiry(TenantId tenant, LockedAccount locked, Instant newExpiry, Instant now) {
        if (newExpiry == null) {
            return locked;
        }
        // Expiry after inactivity: activity pushes every live lot forward; lots already past their
        // expiry stay expired.
        jdbc.sql("""
                UPDATE points_lot SET expires_at = :expiresAt
                WHERE tenant_id = :tenant AND member_id = :member AND remaining > 0
                  AND (expires_at IS NULL OR expires_at > :now) AND expires_at IS DISTINCT FROM :expiresAt""")
                .param("expiresAt", Timestamp.from(newExpiry)).param("now", Timestamp.from(now))
                .param("tenant", tenant.value()).param("member", locked.member().value()).update();
        return locked.withExpiry(newExpiry, now);
    }

    @Override
    @Transactional
    public LockedAccount adjust(TenantId tenant, Member member, Adjustment adjustment, String actor, Instant now) {
        if (member.erased()) {
            throw ApiProblem.conflict("member_erased", "An erased member cannot be given or charged points");
        }
        LockedAccount locked = lock(tenant, member.id(), now);
        if (adjustment.points() > 0) {
            Instant expiresAt = programs.of(tenant).expiry().expiresAt(now, tenants.get(tenant).timezone())
                    .orElse(null);
            return credit(tenant, locked, Credit.adjustment(adjustment.points(), now, expiresAt, adjustment.reason(),
                    adjustment.note(), actor), now);
        }
        return spend(tenant, locked, Debit.adjustment(-adjustment.points(), adjustment.reason(), adjustment.note(),
                actor), now);
    }

    @Override
    @Transactional
    public Transfer transfer(TenantId tenant, Member from, Member to, long points, Instant now) {
        Transfer.points(points);
        if (from.erased() || to.erased()) {
            throw ApiProblem.conflict("member_erased", "Points cannot move to or from an erased member");
        }
        if (from.id().equals(to.id())) {
            throw ApiProblem.invalid("toMemberId", "must be another member");
        }
        List<LockedAccount> locked = accounts.lock(tenant, List.of(from.id(), to.id()), now);
        UUID id = Ids.next();
        List<PostingPlan> plans = PostingPlan.transfer(locked.get(0), locked.get(1), points, id, now);
        jdbc.sql("""
                INSERT INTO transfer (tenant_id, id, from_member_id, to_member_id, points, created_at)
                VALUES (:tenant, :id, :from, :to, :points, :now)""")
                .param("tenant", tenant.value()).param("id", id).param("from", from.id().value())
                .param("to", to.id().value()).param("points", points).param("now", Timestamp.from(now)).update();
        writer.write(tenant, plans, now);
        return new Transfer(id, from.id(), to.id(), points, plans.get(0).after().account().available(),
                plans.get(1).after().account().available());
    }

    private LockedAccount write(TenantId tenant, PostingPlan plan, Instant now) {
        writer.write(tenant, List.of(plan), now);
        return plan.after();
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
                .param("tenant", tenant.value()).param("member", member.value())
                .param("before", beforeCreatedAt == null ? null : Timestamp.from(beforeCreatedAt))
                .param("beforeId", beforeId == null ? new UUID(0, 0) : beforeId).param("limit", limit)
                .query((rs, i) -> new Entry(rs.getObject("id", UUID.class), EntryType.fromCode(rs.getString("type")),
                        rs.getLong("points"), rs.getTimestamp("created_at").toInstant(),
                        AccountReader.instant(rs.getTimestamp("expires_at")),
                        AccountReader.purchase(rs.getObject("purchase_id", UUID.class)),
                        returnId(rs.getObject("return_id", UUID.class)), rs.getObject("transfer_id", UUID.class),
                        rs.getString("rule_name"), rs.getString("reason"), rs.getString("note"),
                        TextJson.read(rs.getString("explanation"))))
                .list();
    }

    private static ReturnId returnId(UUID id) {
        return id == null ? null : new ReturnId(id);
    }
}
