package io.kopilka.reward;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.LedgerInvariant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Coupons handed over with a purchase: priced, used exactly once, given back by a whole return, issued by rules. */
class CouponPurchaseIT extends RewardFixture {
    @Autowired
    DataSource dataSource;
    @Autowired
    CouponExpiry expiry;

    private String member;
    private int purchases;

    @BeforeEach
    void setUp() {
        tenantWithStore();
        member = memberWith(1000);
    }

    @AfterEach
    void invariant() {
        LedgerInvariant.check(jdbc, tenantId());
    }

    private Map<String, Object> purchase(String store, String... codes) {
        return json("externalId", "p-" + (++purchases), "storeCode", store, "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "HAIRCUT", "category", "service", "quantity", 1, "unitPrice", "5000.00"),
                        Map.of("sku", "SHAMPOO", "category", "shampoo", "quantity", 2, "unitPrice", "1500.00")),
                "couponCodes", List.of(codes));
    }

    private Api.Response buy(String... codes) {
        return api.post(admin, "/api/v1/purchases", purchase("main", codes));
    }

    private String couponOf(Map<String, Object> reward) {
        return redeemed(member, createReward(reward));
    }

    private JsonNode coupon(String code) {
        return api.get(admin, "/api/v1/coupons/" + code).json();
    }

    @Test
    void aPercentOffTakesItsShareOfTheMatchingItemsOnly() {
        String code = couponOf(reward("percent_off", "percent", "20", "costPoints", 10,
                "itemFilter", Map.of("categories", List.of("shampoo"))));
        Api.Response r = buy(code.toLowerCase().replace("-", ""));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("discount")).isEqualTo("600.00");
        assertThat(r.text("payable")).isEqualTo("7400.00");
        JsonNode used = r.json().path("couponsUsed").get(0);
        assertThat(used.path("code").asString()).isEqualTo(code);
        assertThat(used.path("discount").asString()).isEqualTo("600.00");
        assertThat(r.json().path("messages").get(0).asString()).isEqualTo("Купон «Бесплатная стрижка»: −600 ₸");
        assertThat(coupon(code).path("status").asString()).isEqualTo("used");
        assertThat(coupon(code).path("usedInPurchaseId").asString()).isEqualTo(r.text("id"));
    }

    @Test
    void anAmountOffAFreeItemAndAGift() {
        String amount = couponOf(reward("amount_off", "amount", "500", "costPoints", 10));
        String free = couponOf(reward("free_item", "itemFilter", Map.of("skus", List.of("HAIRCUT")), "costPoints", 10));
        String gift = couponOf(reward("gift", "costPoints", 10));
        Api.Response r = buy(amount, free, gift);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        List<String> discounts = new ArrayList<>();
        r.json().path("couponsUsed").forEach(c -> discounts.add(c.path("discount").asString()));
        assertThat(discounts).containsExactly("500.00", "4687.50", "0.00");
        assertThat(r.text("discount")).isEqualTo("5187.50");
        for (String code : List.of(amount, free, gift)) {
            assertThat(coupon(code).path("status").asString()).isEqualTo("used");
        }
    }

    @Test
    void aFreeItemAloneTakesTheWholeItem() {
        String free = couponOf(reward("free_item", "itemFilter", Map.of("skus", List.of("HAIRCUT")), "costPoints", 10));
        Api.Response r = buy(free);
        assertThat(r.json().path("couponsUsed").get(0).path("discount").asString()).isEqualTo("5000.00");
    }

    @Test
    void everyReasonToRefuseACouponAndNothingIsWritten() {
        Map<String, Object> gift = reward("gift", "costPoints", 10, "couponValidDays", 1);
        String used = couponOf(gift);
        api.post(admin, "/api/v1/coupons/" + used + "/use", null);
        String cancelled = couponOf(gift);
        api.post(admin, "/api/v1/coupons/" + cancelled + "/cancel", null);
        String someoneElses = redeemed(memberWith(100), createReward(gift));
        String elsewhere = couponOf(reward("gift", "costPoints", 10, "stores", List.of("main")));
        api.post(admin, "/api/v1/stores", Map.of("code", "mall"));
        String dear = couponOf(reward("amount_off", "amount", "100", "costPoints", 10, "minSpend", "10000"));
        String noItems = couponOf(reward("percent_off", "percent", "10", "costPoints", 10,
                "itemFilter", Map.of("skus", List.of("COFFEE"))));
        String expiring = couponOf(gift);
        String ok = couponOf(reward("gift", "costPoints", 10));
        clock.advance(Duration.ofDays(1));
        String expired = couponOf(gift);
        expiry.expireDue(clock.instant().plus(Duration.ofDays(1)));

        long purchasesBefore = rows("purchase");
        List<Object> before = written();
        invalid(buy(ok, "K7M2-9QXD-4TRW"), "not_found");
        invalid(buy("not a code"), "not_found");
        invalid(buy(someoneElses), "not_yours");
        invalid(buy(used), "used");
        invalid(buy(cancelled), "cancelled");
        invalid(buy(expiring), "expired");
        invalid(buy(ok, expired), "expired");
        invalid(api.post(admin, "/api/v1/purchases", purchase("mall", elsewhere)), "wrong_store");
        invalid(buy(dear), "min_spend");
        invalid(buy(noItems), "no_matching_items");
        assertInvalid(buy(ok, ok.toLowerCase()), "couponCodes");
        assertThat(rows("purchase")).isEqualTo(purchasesBefore);
        assertThat(written()).isEqualTo(before);
        assertThat(coupon(ok).path("status").asString()).isEqualTo("active");
    }

    @Test
    void aQuoteShowsTheDiscountAndWritesNothingAndAReplayRepeatsTheCouponsUsed() {
        String code = couponOf(reward("amount_off", "amount", "500", "costPoints", 10));
        Api.Response quote = api.post(admin, "/api/v1/purchases/quote", purchase("main", code));
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        assertThat(quote.json().path("couponsUsed").get(0).path("discount").asString()).isEqualTo("500.00");
        assertThat(coupon(code).path("status").asString()).isEqualTo("active");
        assertThat(rows("purchase")).isZero();

        Map<String, Object> order = purchase("main", code);
        Api.Response first = api.post(admin, "/api/v1/purchases", order);
        Api.Response replay = api.post(admin, "/api/v1/purchases", order);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("couponsUsed")).isEqualTo(first.json().path("couponsUsed"));
        assertThat(replay.json()).isEqualTo(first.json());
    }

    @Test
    void aWholeReturnMakesTheCouponActiveAgain() {
        String code = couponOf(reward("amount_off", "amount", "500", "costPoints", 10));
        Api.Response p = buy(code);
        String id = p.text("id");
        Api.Response part = api.post(admin, "/api/v1/purchases/" + id + "/returns",
                Map.of("externalId", "r-1", "items", List.of(Map.of("sku", "SHAMPOO", "quantity", 1))));
        assertThat(part.status()).as(part.toString()).isEqualTo(201);
        assertThat(coupon(code).path("status").asString()).isEqualTo("used");
        Api.Response rest = api.post(admin, "/api/v1/purchases/" + id + "/returns", Map.of("externalId", "r-2",
                "items", List.of(Map.of("sku", "SHAMPOO", "quantity", 1), Map.of("sku", "HAIRCUT", "quantity", 1))));
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        assertThat(coupon(code).path("status").asString()).isEqualTo("active");
        assertThat(coupon(code).path("usedInPurchaseId").isNull()).isTrue();
        assertThat(buy(code).status()).isEqualTo(201);
    }

    @Test
    void aCouponRuleIssuesOneWithThePurchaseAndAWholeReturnCancelsIt() {
        String reward = createReward(reward("percent_off", "percent", "10", "couponValidDays", 30, "stock", 10));
        Api.Response rule = api.post(admin, "/api/v1/rules", Map.of("name", "Coupon for a visit",
                "kind", "issue_coupon", "rewardId", reward));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        Api.Response p = buy();
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        JsonNode issued = p.json().path("couponsIssued").get(0);
        assertThat(issued.path("rewardId").asString()).isEqualTo(reward);
        assertThat(issued.path("expiresAt").asString()).isEqualTo("2026-12-22T14:00:00+05:00");
        String code = issued.path("code").asString();
        JsonNode coupon = coupon(code);
        assertThat(coupon.path("source").asString()).isEqualTo("rule");
        assertThat(coupon.path("memberId").asString()).isEqualTo(member);
        assertThat(api.get(admin, "/api/v1/rewards/" + reward).json().path("stockLeft").asLong()).isEqualTo(9);

        api.post(admin, "/api/v1/purchases/" + p.text("id") + "/returns", Map.of("externalId", "r-1",
                "items", List.of(Map.of("sku", "SHAMPOO", "quantity", 2), Map.of("sku", "HAIRCUT", "quantity", 1))));
        assertThat(coupon(code).path("status").asString()).isEqualTo("cancelled");
        assertThat(api.get(admin, "/api/v1/rewards/" + reward).json().path("stockLeft").asLong()).isEqualTo(10);

        api.delete(admin, "/api/v1/rewards/" + reward);
        Api.Response afterArchive = buy();
        assertThat(afterArchive.status()).as(afterArchive.toString()).isEqualTo(201);
        assertThat(afterArchive.json().path("couponsIssued")).isEmpty();
    }

    @Test
    void aCouponRuleMustNameAnActiveRewardOfTheTenant() {
        String archived = createReward(reward("gift"));
        api.delete(admin, "/api/v1/rewards/" + archived);
        String foreign = otherTenantsReward();
        for (String rewardId : List.of(UUID.randomUUID().toString(), "r1", archived, foreign)) {
            Api.Response r = api.post(admin, "/api/v1/rules", Map.of("name", "x", "kind", "issue_coupon",
                    "rewardId", rewardId));
            assertProblem(r, 422, "unknown_target");
        }
        assertThat(rows("rule")).isZero();
    }

    @Test
    void ofTwoPurchasesRacingForOneCouponExactlyOneWins() throws Exception {
        String code = couponOf(reward("amount_off", "amount", "500", "costPoints", 10));
        List<CompletableFuture<Api.Response>> racing = new ArrayList<>();
        try (Connection holder = dataSource.getConnection()) {
            // Both purchases find the coupon active before pricing, then queue on the member's account
            // lock held here; released, they are recorded one after the other.
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT 1 FROM points_account WHERE tenant_id = ? AND member_id = ? FOR UPDATE")) {
                lock.setObject(1, tenantId());
                lock.setObject(2, UUID.fromString(member));
                lock.executeQuery();
            }
            Map<String, Object> one = purchase("main", code);
            Map<String, Object> two = purchase("main", code);
            racing.add(CompletableFuture.supplyAsync(() -> api.post(admin, "/api/v1/purchases", one)));
            racing.add(CompletableFuture.supplyAsync(() -> api.post(admin, "/api/v1/purchases", two)));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (waitingOnLocks() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(waitingOnLocks()).isEqualTo(2);
            holder.commit();
        }
        List<Api.Response> answers = racing.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409);
        Api.Response lost = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertProblem(lost, 409, "coupon_used");
        assertThat(rows("purchase")).isEqualTo(1);
    }

    private long waitingOnLocks() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND query ILIKE '%points_account%' AND state = 'active'""")
                .query(Long.class).single();
    }

    private String otherTenantsReward() {
        TestTenant other = newTenant();
        Api.Response r = api.post(other.adminKey(), "/api/v1/rewards", reward("gift"));
        assertThat(r.status()).isEqualTo(201);
        return r.text("id");
    }

    private static void invalid(Api.Response r, String reason) {
        assertProblem(r, 422, "coupon_invalid");
        assertThat(r.json().path("reason").asString()).as(r.toString()).isEqualTo(reason);
    }
}
