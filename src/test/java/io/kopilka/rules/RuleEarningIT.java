package io.kopilka.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a points_percent rule's common conditions do to real purchases. */
class RuleEarningIT extends IntegrationTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private final AtomicInteger purchases = new AtomicInteger();
    private TestTenant tenant;
    private String key;
    private String member;

    @BeforeEach
    void tenant() {
        tenant = newTenant("KZT", "Asia/Almaty", "en");
        key = tenant.adminKey();
        api.post(key, "/api/v1/stores", Map.of("code", "main"));
        api.post(key, "/api/v1/stores", Map.of("code", "mall"));
        member = newMember(tenant);
    }

    private String rule(Map<String, Object> body) {
        Map<String, Object> full = new HashMap<>(Map.of("kind", "points_percent"));
        full.putAll(body);
        Api.Response r = api.post(key, "/api/v1/rules", full);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    private static final List<Map<String, Object>> BASKET = List.of(
            Map.of("sku", "HAIRCUT", "category", "service", "quantity", 1, "unitPrice", "5000.00"),
            Map.of("sku", "SHAMPOO-1", "category", "shampoo", "quantity", 2, "unitPrice", "1500.00"));

    private Api.Response buy(String store, List<Map<String, Object>> items, OffsetDateTime occurredAt) {
        Map<String, Object> body = new HashMap<>(Map.of("externalId", "p-" + purchases.incrementAndGet(),
                "storeCode", store, "member", Map.of("id", member), "items", items));
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt.toString());
        }
        Api.Response r = api.post(key, "/api/v1/purchases", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private Api.Response buy() {
        return buy("main", BASKET, null);
    }

    private static long earned(Api.Response r) {
        return r.json().path("pointsEarned").asLong();
    }

    private static void assertAppliedRulesAddUp(Api.Response r) {
        long sum = 0;
        for (JsonNode a : r.json().path("appliedRules")) {
            assertThat(a.path("ruleId").asString()).isNotBlank();
            assertThat(a.path("name").asString()).isNotBlank();
            sum += a.path("points").asLong();
        }
        assertThat(sum).as(r.toString()).isEqualTo(earned(r));
    }

    @Test
    void aRuleAppliesOnlyInsideItsValidityWindowAtTheMovedClock() {
        OffsetDateTime from = START.plus(Duration.ofDays(1)).atZone(ALMATY).toOffsetDateTime();
        OffsetDateTime to = START.plus(Duration.ofDays(2)).atZone(ALMATY).toOffsetDateTime();
        String id = rule(Map.of("name", "Weekend 10%", "percent", "10", "validFrom", from.toString(),
                "validTo", to.toString()));
        Api.Response stored = api.get(key, "/api/v1/rules/" + id);
        assertThat(OffsetDateTime.parse(stored.text("validFrom")).toInstant()).isEqualTo(from.toInstant());
        assertThat(OffsetDateTime.parse(stored.text("validTo")).toInstant()).isEqualTo(to.toInstant());

        assertThat(earned(buy())).as("before the window").isZero();
        clock.set(from.toInstant().minusSeconds(1));
        assertThat(earned(buy())).as("one second before").isZero();
        clock.set(from.toInstant());
        assertThat(earned(buy())).as("at validFrom").isEqualTo(800);
        clock.set(to.toInstant().minusSeconds(1));
        assertThat(earned(buy())).as("one second before validTo").isEqualTo(800);
        clock.set(to.toInstant());
        assertThat(earned(buy())).as("at validTo (exclusive)").isZero();
        // What counts is when the purchase happened: a late upload from inside the window still earns.
        clock.set(to.toInstant().plus(Duration.ofDays(3)));
        assertThat(earned(buy("main", BASKET, from.plusHours(5)))).isEqualTo(800);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void aRuleForSomeStoresEarnsOnlyThere() {
        rule(Map.of("name", "Mall 10%", "percent", "10", "stores", List.of("mall")));
        assertThat(earned(buy("main", BASKET, null))).isZero();
        Api.Response mall = buy("mall", BASKET, null);
        assertThat(earned(mall)).isEqualTo(800);
        assertThat(mall.json().path("appliedRules").get(0).path("name").asString()).isEqualTo("Mall 10%");
    }

    @Test
    void anItemFilterBySkuLooksOnlyAtThoseItems() {
        rule(Map.of("name", "Shampoo 10%", "percent", "10", "itemFilter", Map.of("skus", List.of("SHAMPOO-1"))));
        Api.Response r = buy();
        assertThat(earned(r)).isEqualTo(300);
        assertThat(r.json().path("appliedRules").get(0).path("explanation").asString())
                .isEqualTo("10% back on 3\u202F000 ₸: 300 points");
        assertThat(earned(buy("main", List.of(BASKET.getFirst()), null))).isZero();
    }

    @Test
    void anItemFilterByCategoryLooksOnlyAtThoseItems() {
        rule(Map.of("name", "Services 10%", "percent", "10", "itemFilter", Map.of("categories", List.of("service"))));
        assertThat(earned(buy())).isEqualTo(500);
        // An item without a category matches no category filter.
        assertThat(earned(buy("main", List.of(Map.of("sku", "X", "quantity", 1, "unitPrice", "1000")), null))).isZero();
    }

    @Test
    void aNonStackableRuleStopsTheRulesBelowIt() {
        String top = rule(Map.of("name", "Top 10%", "percent", "10", "priority", 200, "stackable", false));
        rule(Map.of("name", "Base 5%", "percent", "5", "priority", 100));
        rule(Map.of("name", "Extra 1%", "percent", "1", "priority", 50));
        Api.Response r = buy();
        assertThat(earned(r)).isEqualTo(800);
        assertThat(r.json().path("appliedRules").size()).isEqualTo(1);
        assertThat(r.json().path("appliedRules").get(0).path("ruleId").asString()).isEqualTo(top);
    }

    @Test
    void aNonStackableRuleThatDoesNotApplyStopsNothing() {
        rule(Map.of("name", "Mall only 10%", "percent", "10", "priority", 200, "stackable", false,
                "stores", List.of("mall")));
        rule(Map.of("name", "Base 5%", "percent", "5", "priority", 100));
        rule(Map.of("name", "Extra 1%", "percent", "1", "priority", 50));
        Api.Response main = buy();
        assertThat(earned(main)).isEqualTo(400 + 80);
        assertThat(main.json().path("appliedRules").size()).isEqualTo(2);
        assertAppliedRulesAddUp(main);
        assertThat(earned(buy("mall", BASKET, null))).isEqualTo(800);
    }

    @Test
    void rulesAboveANonStackableOneStillApply() {
        rule(Map.of("name", "Top 1%", "percent", "1", "priority", 300));
        rule(Map.of("name", "Middle 10%", "percent", "10", "priority", 200, "stackable", false));
        rule(Map.of("name", "Bottom 5%", "percent", "5", "priority", 100));
        Api.Response r = buy();
        assertThat(earned(r)).isEqualTo(80 + 800);
        List<String> names = new java.util.ArrayList<>();
        r.json().path("appliedRules").forEach(a -> names.add(a.path("name").asString()));
        assertThat(names).containsExactly("Top 1%", "Middle 10%");
    }

    @Test
    void maxPointsPerPurchaseCapsARule() {
        rule(Map.of("name", "10% up to 50", "percent", "10", "maxPointsPerPurchase", 50));
        rule(Map.of("name", "1%", "percent", "1", "priority", 10));
        Api.Response r = buy();
        assertThat(earned(r)).isEqualTo(50 + 80);
        assertThat(r.json().path("appliedRules").get(0).path("points").asLong()).isEqualTo(50);
        assertAppliedRulesAddUp(r);
        // Below the cap the rule gives its full percent.
        Api.Response small = buy("main", List.of(Map.of("sku", "X", "quantity", 1, "unitPrice", "300")), null);
        assertThat(small.json().path("appliedRules").get(0).path("points").asLong()).isEqualTo(30);
    }

    @Test
    void appliedRulesListEveryRuleAndAddUpToPointsEarned() {
        String a = rule(Map.of("name", "2.5% A", "percent", "2.5", "priority", 20));
        String b = rule(Map.of("name", "2.5% B", "percent", "2.5", "priority", 10));
        String c = rule(Map.of("name", "Shampoo 3%", "percent", "3", "priority", 5,
                "itemFilter", Map.of("skus", List.of("SHAMPOO-1"))));
        // 100.20 × 2.5% twice = 5.01, + shampoo 3% of 100.20 = 3.006 → 8.016 → 8, floored once.
        Api.Response r = buy("main", List.of(Map.of("sku", "SHAMPOO-1", "quantity", 1, "unitPrice", "100.20")), null);
        assertThat(earned(r)).isEqualTo(8);
        List<String> ids = new java.util.ArrayList<>();
        r.json().path("appliedRules").forEach(x -> ids.add(x.path("ruleId").asString()));
        assertThat(ids).containsExactly(a, b, c);
        assertAppliedRulesAddUp(r);
        assertThat(r.json().path("messages").size()).isEqualTo(3);

        String history = api.get(key, "/api/v1/members/" + member + "/history").json().path("items").get(0)
                .path("ruleName").asString();
        assertThat(history).isEqualTo("2.5% A + 2.5% B + Shampoo 3%");
    }

    @Test
    void aQuoteAppliesTheSameRulesAsThePurchase() {
        rule(Map.of("name", "Shampoo 10%", "percent", "10", "itemFilter", Map.of("skus", List.of("SHAMPOO-1"))));
        rule(Map.of("name", "5%", "percent", "5"));
        Map<String, Object> body = Map.of("externalId", "q-1", "storeCode", "main", "member", Map.of("id", member),
                "items", BASKET);
        Api.Response quote = api.post(key, "/api/v1/purchases/quote", body);
        Api.Response real = api.post(key, "/api/v1/purchases", body);
        assertThat(quote.json().path("pointsEarned").asLong()).isEqualTo(real.json().path("pointsEarned").asLong())
                .isEqualTo(300 + 400);
        assertThat(quote.json().path("appliedRules")).isEqualTo(real.json().path("appliedRules"));
    }
}
