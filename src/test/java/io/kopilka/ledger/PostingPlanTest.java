package io.kopilka.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The posting plan on its own, in memory: random credits, spends, purchases, returns, transfers and
 * clock moves, planned by {@link PostingPlan} and done by {@link LedgerModel}, must leave every
 * member with the same available points. And every plan must agree with itself: the account after
 * equals the sums of its lots after, the balance equals the sum of its entries, a quote's forecast
 * ({@link Account#after}) equals the write's plan, and no lot goes below zero.
 */
class PostingPlanTest {
    private static final Instant START = Instant.parse("2026-11-22T09:00:00Z");
    private static final int MEMBERS = 3;

    sealed interface Step {
    }

    record Give(int member, int points, int expiryDays) implements Step {
    }

    record Take(int member, int points) implements Step {
    }

    record Buy(int member, int redeem, int earn, int expiryDays) implements Step {
    }

    record Return(int purchase, int points) implements Step {
    }

    record Move(int from, int to, int points) implements Step {
    }

    record Wait(int hours) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> member = Arbitraries.integers().between(0, MEMBERS - 1);
        Arbitrary<Integer> points = Arbitraries.integers().between(1, 500);
        Arbitrary<Integer> expiry = Arbitraries.integers().between(0, 60); // 0: never
        Arbitrary<Step> give = Combinators.combine(member, points, expiry).as(Give::new);
        Arbitrary<Step> take = Combinators.combine(member, points).as(Take::new);
        Arbitrary<Step> buy = Combinators.combine(member, Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 400), expiry).as(Buy::new);
        Arbitrary<Step> ret = Combinators.combine(Arbitraries.integers().between(0, 30), points).as(Return::new);
        Arbitrary<Step> move = Combinators.combine(member, member, points).filter((a, b, p) -> !a.equals(b))
                .as(Move::new);
        Arbitrary<Step> wait = Arbitraries.integers().between(1, 24 * 20).map(Wait::new);
        return Arbitraries.frequencyOf(Tuple.of(3, give), Tuple.of(2, take), Tuple.of(4, buy), Tuple.of(3, ret),
                Tuple.of(2, move), Tuple.of(2, wait)).list().ofMinSize(1).ofMaxSize(80);
    }

    private record Bought(int member, PurchaseId id, long earned) {
    }

    @Property(tries = 400, seed = "20261201")
    void plansAgreeWithTheModelAndWithThemselves(@ForAll("steps") List<Step> steps) {
        LedgerModel model = new LedgerModel();
        List<MemberId> members = new ArrayList<>();
        Map<MemberId, LockedAccount> accounts = new HashMap<>();
        Map<MemberId, Long> entries = new HashMap<>();
        for (int i = 0; i < MEMBERS; i++) {
            MemberId m = new MemberId(UUID.randomUUID());
            members.add(m);
            accounts.put(m, LockedAccount.opened(m, START));
            entries.put(m, 0L);
        }
        List<Bought> bought = new ArrayList<>();
        Instant clock = START;
        for (Step step : steps) {
            Instant now = clock;
            switch (step) {
                case Give g -> {
                    MemberId m = members.get(g.member());
                    Instant expires = expiry(now, g.expiryDays());
                    apply(accounts, entries, PostingPlan.credit(reread(accounts.get(m), now),
                            Credit.adjustment(g.points(), now, expires, "property", null, "test"), now), now);
                    model.credit(key(m), g.points(), expires, null);
                }
                case Take t -> {
                    MemberId m = members.get(t.member());
                    LockedAccount before = reread(accounts.get(m), now);
                    if (t.points() > model.available(key(m), now)) {
                        assertInsufficient(() -> PostingPlan.spend(before, Debit.adjustment(t.points(), "p", null,
                                "test"), now));
                        break;
                    }
                    apply(accounts, entries, PostingPlan.spend(before, Debit.adjustment(t.points(), "p", null, "test"),
                            now), now);
                    model.spend(key(m), t.points(), now);
                }
                case Buy b -> {
                    MemberId m = members.get(b.member());
                    LockedAccount before = reread(accounts.get(m), now);
                    PurchaseId purchase = PurchaseId.next();
                    Instant expires = expiry(now, b.expiryDays());
                    Credit earn = b.earn() == 0 ? null : Credit.earned(b.earn(), now, expires, purchase, "r", "n", null);
                    Ledger.Posting posting = new Ledger.Posting(purchase, b.redeem(), earn, BigDecimal.TEN, 1);
                    if (b.redeem() > 0 && b.redeem() > model.available(key(m), now)) {
                        assertInsufficient(() -> PostingPlan.post(before, posting, now));
                        break;
                    }
                    PostingPlan plan = PostingPlan.post(before, posting, now);
                    assertThat(plan.after().account()).as("the quote's forecast is the write's plan")
                            .isEqualTo(before.account().after(b.redeem(), b.earn(), true, BigDecimal.TEN, 1, now));
                    apply(accounts, entries, plan, now);
                    if (b.redeem() > 0) {
                        model.spend(key(m), b.redeem(), now);
                    }
                    if (b.earn() > 0) {
                        model.credit(key(m), b.earn(), expires, purchase.toString());
                    }
                    bought.add(new Bought(b.member(), purchase, b.earn()));
                }
                case Return r -> {
                    if (bought.isEmpty()) {
                        break;
                    }
                    Bought p = bought.get(r.purchase() % bought.size());
                    MemberId m = members.get(p.member());
                    apply(accounts, entries, PostingPlan.takeBack(reread(accounts.get(m), now), r.points(), p.id(),
                            ReturnId.next(), now), now);
                    model.takeBack(key(m), r.points(), p.id().toString(), now);
                }
                case Move mv -> {
                    MemberId from = members.get(mv.from());
                    MemberId to = members.get(mv.to());
                    LockedAccount source = reread(accounts.get(from), now);
                    LockedAccount target = reread(accounts.get(to), now);
                    if (mv.points() > model.available(key(from), now)) {
                        assertInsufficient(() -> PostingPlan.transfer(source, target, mv.points(), UUID.randomUUID(),
                                now));
                        break;
                    }
                    for (PostingPlan plan : PostingPlan.transfer(source, target, mv.points(), UUID.randomUUID(), now)) {
                        apply(accounts, entries, plan, now);
                    }
                    model.transfer(key(from), key(to), mv.points(), now);
                }
                case Wait w -> clock = now.plus(Duration.ofHours(w.hours()));
            }
            for (MemberId m : members) {
                LockedAccount account = reread(accounts.get(m), clock);
                assertThat(account.account().available()).as("available of %s after %s", m, step)
                        .isEqualTo(model.available(key(m), clock));
            }
        }
    }

    @Property(tries = 300, seed = "20261202")
    void pendingPointsAreCountedWhereTheyBelong(@ForAll("steps") List<Step> steps,
                                               @ForAll("pendingDays") int pendingDays) {
        // The model knows no pending days, so here each plan is held to itself only.
        MemberId m = new MemberId(UUID.randomUUID());
        LockedAccount account = LockedAccount.opened(m, START);
        Map<MemberId, LockedAccount> accounts = new HashMap<>(Map.of(m, account));
        Map<MemberId, Long> entries = new HashMap<>(Map.of(m, 0L));
        List<PurchaseId> bought = new ArrayList<>();
        Instant clock = START;
        for (Step step : steps) {
            Instant now = clock;
            LockedAccount before = reread(accounts.get(m), now);
            PostingPlan plan = switch (step) {
                case Buy b when b.redeem() <= before.account().available() -> {
                    PurchaseId purchase = PurchaseId.next();
                    bought.add(purchase);
                    Instant availableAt = now.plus(Duration.ofDays(pendingDays));
                    Credit earn = b.earn() == 0 ? null
                            : Credit.earned(b.earn(), availableAt, expiry(availableAt, b.expiryDays()), purchase, "r",
                            null, null);
                    PostingPlan p = PostingPlan.post(before, new Ledger.Posting(purchase, b.redeem(), earn,
                            BigDecimal.ONE, 1), now);
                    assertThat(p.after().account()).isEqualTo(before.account().after(b.redeem(), b.earn(),
                            pendingDays == 0, BigDecimal.ONE, 1, now));
                    yield p;
                }
                case Return r when !bought.isEmpty() ->
                        PostingPlan.takeBack(before, r.points(), bought.get(r.purchase() % bought.size()),
                                ReturnId.next(), now);
                case Give g -> PostingPlan.credit(before, Credit.refund(g.points(), now, expiry(now, g.expiryDays()),
                        null, null), now);
                case Wait w -> {
                    clock = now.plus(Duration.ofHours(w.hours()));
                    yield null;
                }
                default -> null;
            };
            if (plan != null) {
                apply(accounts, entries, plan, now);
            }
        }
    }

    @Provide
    Arbitrary<Integer> pendingDays() {
        return Arbitraries.integers().between(0, 14);
    }

    @Property(tries = 200)
    void aCreditPaysTheDebtFirst(@ForAll("small") int debt, @ForAll("small") int credit) {
        MemberId m = new MemberId(UUID.randomUUID());
        PurchaseId purchase = PurchaseId.next();
        LockedAccount owing = PostingPlan.takeBack(LockedAccount.opened(m, START), debt, purchase, ReturnId.next(),
                START).after();
        PostingPlan plan = PostingPlan.credit(owing, Credit.adjustment(credit, START, null, "r", null, "a"), START);
        assertThat(plan.debtPaid()).isEqualTo(Math.min(debt, credit));
        assertThat(plan.created().stream().mapToLong(Lot::remaining).sum()).isEqualTo(Math.max(0, credit - debt));
        assertThat(plan.after().account().available()).isEqualTo(credit - debt);
    }

    @Provide
    Arbitrary<Integer> small() {
        return Arbitraries.integers().between(1, 1000);
    }

    /** Applies a plan as the database would, and holds it to itself. */
    private static void apply(Map<MemberId, LockedAccount> accounts, Map<MemberId, Long> entries, PostingPlan plan,
                              Instant now) {
        MemberId m = plan.member();
        long sum = entries.merge(m, plan.entries().stream().mapToLong(PostingPlan.PlannedEntry::points).sum(),
                Long::sum);
        LockedAccount after = plan.after();
        assertThat(after.account().balance()).as("balance = Σ entries").isEqualTo(sum);
        assertThat(after.account().debt()).isNotNegative();
        assertThat(after.lots()).allSatisfy(l -> assertThat(l.remaining()).isPositive());
        assertThat(plan.taken()).allSatisfy(t -> assertThat(t.points()).isPositive()
                .isLessThanOrEqualTo(t.lot().remaining()));
        Account summed = Account.of(m, after.account().balance(), after.account().debt(),
                after.account().lifetimeEarned(), after.account().lifetimeSpend(), after.account().visits(),
                after.account().lastActivityAt(), after.lots(), now);
        assertThat(after.account()).as("the account after is the sum of its lots after").isEqualTo(summed);
        accounts.put(m, after);
    }

    /** The account as the next lock would read it at {@code now}: its live lots only. */
    private static LockedAccount reread(LockedAccount account, Instant now) {
        List<Lot> live = account.lots().stream().filter(l -> l.live(now)).toList();
        Account a = account.account();
        return new LockedAccount(Account.of(a.member(), a.balance(), a.debt(), a.lifetimeEarned(), a.lifetimeSpend(),
                a.visits(), a.lastActivityAt(), live, now), live);
    }

    private static Instant expiry(Instant from, int days) {
        return days == 0 ? null : from.plus(Duration.ofDays(days));
    }

    private static String key(MemberId m) {
        return m.toString();
    }

    private static void assertInsufficient(Runnable plan) {
        assertThatThrownBy(plan::run).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.code()).isEqualTo("insufficient_points"));
    }
}
