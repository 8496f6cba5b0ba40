package io.kopilka.ledger.internal;

import io.kopilka.ledger.Account;
import io.kopilka.ledger.Lot;
import io.kopilka.ledger.PostingPlan;
import io.kopilka.ledger.PostingPlan.PlannedEntry;
import io.kopilka.ledger.PostingPlan.Take;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.TextJson;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes plans, all of them in one statement: the lots they lower, the lots they make, the accounts'
 * changes and the entries, each as columns of arrays that {@code unnest} turns into rows. The plan
 * has decided everything; this only writes it, and checks that each account still holds what the
 * plan started from (a write from an account read before an earlier write would fail here).
 */
@Component
class PlanWriter {
    private final JdbcClient jdbc;

    PlanWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void write(TenantId tenant, List<PostingPlan> all, Instant now) {
        List<PostingPlan> plans = all.stream().filter(p -> !p.empty()).toList();
        if (plans.isEmpty()) {
            return;
        }
        List<Take> taken = plans.stream().flatMap(p -> p.taken().stream()).toList();
        List<Lot> lots = plans.stream().flatMap(p -> p.created().stream()).toList();
        List<UUID> lotMembers = plans.stream()
                .flatMap(p -> p.created().stream().map(l -> p.member().value())).toList();
        List<PlannedEntry> entries = plans.stream().flatMap(p -> p.entries().stream()).toList();
        List<Account> before = plans.stream().map(PostingPlan::before).toList();
        List<Account> after = plans.stream().map(p -> p.after().account()).toList();
        var counts = jdbc.sql("""
                WITH taken AS (
                    UPDATE points_lot l SET remaining = l.remaining - t.points
                    FROM unnest(CAST(:takeLots AS uuid[]), CAST(:takePoints AS bigint[])) AS t(id, points)
                    WHERE l.tenant_id = :tenant AND l.id = t.id
                    RETURNING l.id
                ), lots AS (
                    INSERT INTO points_lot (tenant_id, id, member_id, points, remaining, available_at, expires_at,
                                            purchase_id, created_at)
                    SELECT :tenant, n.id, n.member_id, n.points, n.points, n.available_at, n.expires_at, n.purchase_id,
                           CAST(:now AS timestamptz)
                    FROM unnest(CAST(:lotIds AS uuid[]), CAST(:lotMembers AS uuid[]), CAST(:lotPoints AS bigint[]),
                                CAST(:lotAvailable AS timestamptz[]), CAST(:lotExpires AS timestamptz[]),
                                CAST(:lotPurchases AS uuid[]))
                         AS n(id, member_id, points, available_at, expires_at, purchase_id)
                ), accounts AS (
                    UPDATE points_account a SET balance = a.balance + d.balance, debt = a.debt + d.debt,
                           lifetime_earned = a.lifetime_earned + d.earned, lifetime_spend = a.lifetime_spend + d.spend,
                           visits = a.visits + d.visits, last_activity_at = GREATEST(a.last_activity_at, d.activity_at)
                    FROM unnest(CAST(:members AS uuid[]), CAST(:balancesBefore AS bigint[]),
                                CAST(:debtsBefore AS bigint[]), CAST(:balances AS bigint[]), CAST(:debts AS bigint[]),
                                CAST(:earned AS bigint[]), CAST(:spend AS numeric[]), CAST(:visits AS int[]),
                                CAST(:activity AS timestamptz[]))
                         AS d(member_id, balance_before, debt_before, balance, debt, earned, spend, visits, activity_at)
                    WHERE a.tenant_id = :tenant AND a.member_id = d.member_id
                      AND a.balance = d.balance_before AND a.debt = d.debt_before
                    RETURNING 1
                ), entries AS (
                    INSERT INTO ledger_entry (tenant_id, id, member_id, type, points, lot_id, purchase_id, return_id,
                                              transfer_id, rule_name, reason, note, actor, expires_at, explanation,
                                              created_at)
                    SELECT :tenant, e.id, e.member_id, e.type, e.points, e.lot_id, e.purchase_id, e.return_id,
                           e.transfer_id, e.rule_name, e.reason, e.note, e.actor, e.expires_at,
                           CAST(e.explanation AS jsonb), CAST(:now AS timestamptz)
                    FROM unnest(CAST(:entryIds AS uuid[]), CAST(:entryMembers AS uuid[]), CAST(:types AS text[]),
                                CAST(:points AS bigint[]), CAST(:entryLots AS uuid[]), CAST(:purchases AS uuid[]),
                                CAST(:returns AS uuid[]), CAST(:transfers AS uuid[]), CAST(:rules AS text[]),
                                CAST(:reasons AS text[]), CAST(:notes AS text[]), CAST(:actors AS text[]),
                                CAST(:entryExpires AS timestamptz[]), CAST(:explanations AS text[]))
                         AS e(id, member_id, type, points, lot_id, purchase_id, return_id, transfer_id, rule_name,
                              reason, note, actor, expires_at, explanation)
                )
                SELECT (SELECT count(*) FROM taken) AS taken, (SELECT count(*) FROM accounts) AS accounts""")
                .param("tenant", tenant.value()).param("now", text(now))
                .param("takeLots", uuids(taken, t -> t.lot().id()))
                .param("takePoints", taken.stream().map(Take::points).toArray(Long[]::new))
                .param("lotIds", uuids(lots, Lot::id)).param("lotMembers", lotMembers.toArray(UUID[]::new))
                .param("lotPoints", lots.stream().map(Lot::remaining).toArray(Long[]::new))
                .param("lotAvailable", texts(lots, l -> text(l.availableAt())))
                .param("lotExpires", texts(lots, l -> text(l.expiresAt())))
                .param("lotPurchases", uuids(lots, l -> uuid(l.purchase())))
                .param("members", uuids(before, a -> a.member().value()))
                .param("balancesBefore", before.stream().map(Account::balance).toArray(Long[]::new))
                .param("debtsBefore", before.stream().map(Account::debt).toArray(Long[]::new))
                .param("balances", change(before, after, Account::balance))
                .param("debts", change(before, after, Account::debt))
                .param("earned", change(before, after, Account::lifetimeEarned))
                .param("spend", texts(plans, p -> p.after().account().lifetimeSpend()
                        .subtract(p.before().lifetimeSpend()).toPlainString()))
                .param("visits", plans.stream().map(p -> p.after().account().visits() - p.before().visits())
                        .toArray(Integer[]::new))
                .param("activity", texts(after, a -> text(a.lastActivityAt())))
                .param("entryIds", uuids(entries, PlannedEntry::id))
                .param("entryMembers", uuids(entries, e -> e.member().value()))
                .param("types", texts(entries, e -> e.type().code()))
                .param("points", entries.stream().map(PlannedEntry::points).toArray(Long[]::new))
                .param("entryLots", uuids(entries, PlannedEntry::lot))
                .param("purchases", uuids(entries, e -> uuid(e.purchase())))
                .param("returns", uuids(entries, e -> uuid(e.returnId())))
                .param("transfers", uuids(entries, PlannedEntry::transfer))
                .param("rules", texts(entries, PlannedEntry::ruleName))
                .param("reasons", texts(entries, PlannedEntry::reason))
                .param("notes", texts(entries, PlannedEntry::note))
                .param("actors", texts(entries, PlannedEntry::actor))
                .param("entryExpires", texts(entries, e -> text(e.expiresAt())))
                .param("explanations", texts(entries, e -> TextJson.write(e.explanation())))
                .query((rs, i) -> new long[] {rs.getLong("taken"), rs.getLong("accounts")}).single();
        if (counts[0] != taken.size() || counts[1] != plans.size()) {
            throw new IllegalStateException("the plan no longer matches the locked accounts: " + counts[0] + " of "
                    + taken.size() + " lots, " + counts[1] + " of " + plans.size() + " accounts written");
        }
    }

    private static <T> UUID[] uuids(List<T> items, Function<T, UUID> id) {
        return items.stream().map(id).toArray(UUID[]::new);
    }

    private static <T> String[] texts(List<T> items, Function<T, String> text) {
        return items.stream().map(text).toArray(String[]::new);
    }

    private static Long[] change(List<Account> before, List<Account> after, ToLongFunction<Account> f) {
        Long[] changes = new Long[before.size()];
        for (int i = 0; i < changes.length; i++) {
            changes[i] = f.applyAsLong(after.get(i)) - f.applyAsLong(before.get(i));
        }
        return changes;
    }

    /** Times travel as ISO text: exact to the microsecond, and arrays of them need no driver support. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static UUID uuid(PurchaseId id) {
        return id == null ? null : id.value();
    }

    private static UUID uuid(ReturnId id) {
        return id == null ? null : id.value();
    }
}
