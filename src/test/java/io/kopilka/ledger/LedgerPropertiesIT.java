package io.kopilka.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.KopilkaApplication;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.Text;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.testing.Api;
import io.kopilka.testing.LedgerInvariant;
import io.kopilka.testing.MutableClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Random sequences of purchases (with redemption), returns, adjustments, transfers, staff gifts,
 * reward spends, donations, coupon refunds, clock moves and expiry runs, on the real service and
 * database, against {@link LedgerModel}. After every step: each member's available balance equals
 * the model's; balance = Σ entries = Σ live lots − debt; each of the gift, reward, donate and refund
 * types sums to what the steps wrote; and the answers' figures follow the program (30% redemption
 * cap, 10% earning, floors). Reward spends, donations and coupon refunds have no endpoint in the
 * ledger's reach: they are written as their modules write them, through {@link Ledger}.
 */
class LedgerPropertiesIT {
    private static final String PLATFORM = "property-platform-key-0123456789";
    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcClient jdbc;

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(KopilkaApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", CLOCK))
                .properties("kopilka.data-dir=target/it-data/properties-" + UUID.randomUUID(),
                        "kopilka.db.embedded-durable=false", "kopilka.platform-key=" + PLATFORM,
                        "kopilka.jobs.enabled=false", "server.port=0", "server.address=127.0.0.1")
                .run();
        api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
        jdbc = app.getBean(JdbcClient.class);
    }

    @AfterContainer
    static void stop() {
        app.close();
    }

    sealed interface Step {
    }

    record Buy(int member, int price, int redeem) implements Step {
    }

    record Return(int purchase, int percent) implements Step {
    }

    record Adjust(int member, int points) implements Step {
    }

    record Transfer(int from, int to, int points) implements Step {
    }

    record Wait(int hours) implements Step {
    }

    record Expire() implements Step {
    }

    /** Spends everything a member has, so that a later return must leave a debt. */
    record Drain(int member) implements Step {
    }

    /** Points a staff member gives ({@code POST /members/{id}/gifts}). */
    record Gift(int member, int points) implements Step {
    }

    /** Points spent on a reward ({@code Debit.reward}) or given to a cause ({@code Debit.donation}). */
    record Spend(int member, int points, boolean donation) implements Step {
    }

    /** Points a cancelled or expired coupon gives back ({@code Credit.refund} with its why). */
    record CouponRefund(int member, int points) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> member = Arbitraries.integers().between(0, 2);
        Arbitrary<Step> buy = Combinators.combine(member, Arbitraries.integers().between(1, 5000),
                Arbitraries.integers().between(0, 400)).as(Buy::new);
        Arbitrary<Step> ret = Combinators.combine(Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(1, 100)).as(Return::new);
        Arbitrary<Step> adjust = Combinators.combine(member, Arbitraries.integers().between(-300, 300)
                .filter(p -> p != 0)).as(Adjust::new);
        Arbitrary<Step> transfer = Combinators.combine(member, member, Arbitraries.integers().between(1, 300))
                .filter((a, b, p) -> !a.equals(b)).as(Transfer::new);
        Arbitrary<Step> wait = Arbitraries.integers().between(1, 24 * 20).map(Wait::new);
        Arbitrary<Step> expire = Arbitraries.just(new Expire());
        Arbitrary<Step> drain = member.map(Drain::new);
        Arbitrary<Integer> points = Arbitraries.integers().between(1, 300);
        Arbitrary<Step> gift = Combinators.combine(member, points).as(Gift::new);
        Arbitrary<Step> spend = Combinators.combine(member, points, Arbitraries.of(true, false)).as(Spend::new);
        Arbitrary<Step> couponRefund = Combinators.combine(member, points).as(CouponRefund::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, buy), net.jqwik.api.Tuple.of(3, ret), net.jqwik.api.Tuple.of(2, adjust),
                net.jqwik.api.Tuple.of(2, transfer), net.jqwik.api.Tuple.of(2, wait), net.jqwik.api.Tuple.of(1, expire),
                net.jqwik.api.Tuple.of(1, drain), net.jqwik.api.Tuple.of(1, gift), net.jqwik.api.Tuple.of(2, spend),
                net.jqwik.api.Tuple.of(1, couponRefund))
                .list().ofMinSize(15).ofMaxSize(60);
    }

    /** Steps run over all tries: the size of the check, reported in the closing note. */
    private static long stepsRun;

    @AfterContainer
    static void report() {
        System.out.println("LedgerPropertiesIT ran " + stepsRun + " steps");
    }

    private record Bought(String id, String member, BigDecimal payable, long earned, long redeemed,
                          long[] reversedRefunded, BigDecimal[] returned) {
    }

    /**
     * Runs {@code write} on the member's locked account in a transaction of its own, as the reward and
     * cause modules do; returns the refusal's code, or null when it was written.
     */
    private static String inLedger(UUID tenant, String member, Instant now,
                                   java.util.function.BiConsumer<Ledger, LockedAccount> write) {
        Ledger ledger = app.getBean(Ledger.class);
        try {
            app.getBean(TransactionTemplate.class).executeWithoutResult(status -> write.accept(ledger,
                    ledger.lock(new TenantId(tenant), new MemberId(UUID.fromString(member)), now)));
            return null;
        } catch (ApiProblem refused) {
            return refused.code();
        }
    }

    @Property(tries = 60, seed = "20261123")
    void theLedgerAgreesWithTheModelAfterEveryStep(@ForAll("steps") List<Step> steps) {
        CLOCK.set(Instant.parse("2026-11-22T09:00:00Z"));
        Api.Response tenant = api.post(PLATFORM, "/api/v1/tenants", Map.of("name", "prop", "currency", "KZT",
                "timezone", ZONE.getId()));
        String key = tenant.text("adminApiKey");
        UUID tenantId = UUID.fromString(tenant.text("id"));
        assertThat(api.put(key, "/api/v1/program", Map.of("expiry", Map.of("mode", "after_earn", "months", 1)))
                .status()).isEqualTo(200);
        api.post(key, "/api/v1/stores", Map.of("code", "s"));
        api.post(key, "/api/v1/rules", Map.of("name", "10%", "kind", "points_percent", "percent", "10"));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(api.post(key, "/api/v1/members", Map.of("phone", String.format("+7701%07d", i * 31 + 5)))
                    .text("id"));
        }
        LedgerModel model = new LedgerModel();
        List<Bought> bought = new ArrayList<>();
        int n = 0;
        for (Step step : steps) {

            Instant now = CLOCK.instant();
            Instant expiry = now.atZone(ZONE).plusMonths(1).toInstant();
            switch (step) {
                case Buy b -> {
                    String m = members.get(b.member());
                    long available = model.available(m, now);
                    Api.Response r = api.post(key, "/api/v1/purchases", Map.of("externalId", "p" + n++,
                            "storeCode", "s", "member", Map.of("id", m), "redeemPoints", b.redeem(),
                            "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", b.price()))));
                    if (b.redeem() > available) {
                        assertThat(r.code()).as(r.toString()).isEqualTo("insufficient_points");
                        break;
                    }
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    long redeemed = Math.min(b.redeem(), b.price() * 3L / 10);
                    BigDecimal payable = BigDecimal.valueOf(b.price() - redeemed);
                    long earned = payable.divide(BigDecimal.TEN, 0, RoundingMode.FLOOR).longValueExact();
                    assertThat(r.json().path("pointsRedeemed").asLong()).isEqualTo(redeemed);
                    assertThat(r.json().path("pointsEarned").asLong()).isEqualTo(earned);
                    if (redeemed > 0) {
                        model.spend(m, redeemed, now);
                    }
                    if (earned > 0) {
                        model.credit(m, earned, expiry, r.text("id"));
                    }
                    bought.add(new Bought(r.text("id"), m, payable, earned, redeemed, new long[2],
                            new BigDecimal[] {BigDecimal.ZERO}));
                }
                case Return ret -> {
                    if (bought.isEmpty()) {
                        break;
                    }
                    Bought p = bought.get(ret.purchase() % bought.size());
                    BigDecimal left = p.payable().subtract(p.returned()[0]);
                    BigDecimal amount = left.multiply(BigDecimal.valueOf(ret.percent()))
                            .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
                    Api.Response r = api.post(key, "/api/v1/purchases/" + p.id() + "/returns",
                            Map.of("externalId", "r" + n++, "amount", amount.toPlainString()));
                    if (amount.signum() == 0) {
                        assertThat(r.status()).as(r.toString()).isEqualTo(422);
                        break;
                    }
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    long reversed = r.json().path("pointsReversed").asLong();
                    long refunded = r.json().path("pointsRefunded").asLong();
                    p.returned()[0] = p.returned()[0].add(amount);
                    p.reversedRefunded()[0] += reversed;
                    p.reversedRefunded()[1] += refunded;
                    assertThat(p.reversedRefunded()[0]).isLessThanOrEqualTo(p.earned());
                    assertThat(p.reversedRefunded()[1]).isLessThanOrEqualTo(p.redeemed());
                    if (p.returned()[0].compareTo(p.payable()) == 0) {
                        assertThat(p.reversedRefunded()).containsExactly(p.earned(), p.redeemed());
                    }
                    model.takeBack(p.member(), reversed, p.id(), now);
                    if (refunded > 0) {
                        model.credit(p.member(), refunded, expiry, p.id());
                        model.wrote(EntryType.REFUND, refunded);
                    }
                }
                case Adjust a -> {
                    String m = members.get(a.member());
                    Api.Response r = api.post(key, "/api/v1/members/" + m + "/adjustments",
                            Map.of("points", a.points(), "reason", "property"));
                    if (a.points() < 0 && -a.points() > model.available(m, now)) {
                        assertThat(r.code()).as(r.toString()).isEqualTo("insufficient_points");
                        break;
                    }
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    if (a.points() > 0) {
                        model.credit(m, a.points(), expiry, null);
                    } else {
                        model.spend(m, -a.points(), now);
                    }
                }
                case Transfer t -> {
                    String from = members.get(t.from());
                    String to = members.get(t.to());
                    Api.Response r = api.post(key, "/api/v1/transfers",
                            Map.of("fromMemberId", from, "toMemberId", to, "points", t.points()));
                    if (t.points() > model.available(from, now)) {
                        assertThat(r.code()).as(r.toString()).isEqualTo("insufficient_points");
                        break;
                    }
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    model.transfer(from, to, t.points(), now);
                }
                case Drain d -> {
                    String m = members.get(d.member());
                    long available = model.available(m, now);
                    if (available <= 0) {
                        break;
                    }
                    Api.Response r = api.post(key, "/api/v1/members/" + m + "/adjustments",
                            Map.of("points", -available, "reason", "drain"));
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    model.spend(m, available, now);
                }
                case Gift g -> {
                    String m = members.get(g.member());
                    Api.Response r = api.post(key, "/api/v1/members/" + m + "/gifts",
                            Map.of("points", g.points(), "reason", "property"));
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    model.credit(m, g.points(), expiry, null);
                    model.wrote(EntryType.GIFT, g.points());
                }
                case Spend sp -> {
                    String m = members.get(sp.member());
                    Debit debit = sp.donation()
                            ? Debit.donation(sp.points(), new Text("history.donated", Map.of()), "key:property")
                            : Debit.reward(sp.points(), new Text("history.reward-spent", Map.of()), "key:property");
                    boolean enough = sp.points() <= model.available(m, now);
                    String refused = inLedger(tenantId, m, now, (ledger, locked) ->
                            ledger.spend(new TenantId(tenantId), locked, debit, now));
                    if (!enough) {
                        assertThat(refused).isEqualTo("insufficient_points");
                        break;
                    }
                    assertThat(refused).isNull();
                    model.spend(m, sp.points(), now);
                    model.wrote(sp.donation() ? EntryType.DONATE : EntryType.REWARD, -sp.points());
                }
                case CouponRefund c -> {
                    String m = members.get(c.member());
                    Text why = new Text("history.refund", Map.of());
                    assertThat(inLedger(tenantId, m, now, (ledger, locked) -> ledger.credit(new TenantId(tenantId),
                            locked, Credit.refund(c.points(), now, expiry, why), now))).isNull();
                    model.credit(m, c.points(), expiry, null);
                    model.wrote(EntryType.REFUND, c.points());
                }
                case Wait w -> CLOCK.advance(Duration.ofHours(w.hours()));
                case Expire e -> app.getBean(PointsExpiry.class).expireDue(now);
            }
            for (String m : members) {
                long available = api.get(key, "/api/v1/members/" + m + "/balance").json().path("available").asLong();
                assertThat(available).as("available of %s after %s", m, step).isEqualTo(model.available(m, CLOCK.instant()));
            }
            LedgerInvariant.check(jdbc, tenantId);
            for (EntryType type : List.of(EntryType.GIFT, EntryType.REWARD, EntryType.DONATE, EntryType.REFUND)) {
                assertThat(jdbc.sql("""
                        SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE tenant_id = :t AND type = :type""")
                        .param("t", tenantId).param("type", type.code()).query(Long.class).single())
                        .as("%s entries after %s", type, step).isEqualTo(model.written(type));
            }
            stepsRun++;
        }
        boolean debt = LedgerInvariant.rows(jdbc, tenantId).stream().anyMatch(r -> r.debt() > 0);
        Statistics.label("ended with a member in debt").collect(debt);
    }
}
