package io.kopilka.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Levels through purchases: the purchase that crosses a threshold is priced at the old level and
 * says the level changed; the next purchase gets the new level's multiplier and discount.
 */
class TierPurchaseIT extends IntegrationTest {
    private String key;
    private String member;

    @BeforeEach
    void ladder() {
        TestTenant tenant = newTenant("KZT", "Asia/Almaty", "en");
        key = tenant.adminKey();
        api.post(key, "/api/v1/stores", Map.of("code", "main"));
        api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5"));
        Api.Response ladder = api.put(key, "/api/v1/tiers", Map.of("metric", "spend",
                "window", Map.of("type", "rolling_months", "months", 12), "graceDays", 30,
                "levels", List.of(Map.of("code", "base", "name", "Base", "threshold", "0"),
                        Map.of("code", "silver", "name", "Silver", "threshold", "5000.00",
                                "benefits", Map.of("earnMultiplier", "2", "discountPercent", "10",
                                        "perks", List.of("Free coffee"))))));
        assertThat(ladder.status()).as(ladder.toString()).isEqualTo(200);
        member = newMember(tenant);
    }

    private Api.Response buy(String externalId, String price) {
        return api.post(key, "/api/v1/purchases", Map.of("externalId", externalId, "storeCode", "main",
                "member", Map.of("id", member), "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", price))));
    }

    @Test
    void theCrossingPurchaseIsPricedAtTheOldLevelAndTheNextAtTheNew() {
        assertThat(api.get(key, "/api/v1/members/" + member).json().path("tier").path("code").asString())
                .isEqualTo("base");
        Api.Response crossing = buy("t1", "6000");
        assertThat(crossing.json().path("pointsEarned").asLong()).isEqualTo(300); // base: 5%
        assertThat(crossing.json().path("discount").asString()).isEqualTo("0.00");
        assertThat(crossing.json().path("tier").path("code").asString()).isEqualTo("silver");
        assertThat(crossing.json().path("tier").path("changed").asBoolean()).isTrue();

        Api.Response next = buy("t2", "1000");
        // Silver: 10% off (900 paid), 5% of 900 = 45, doubled = 90.
        assertThat(next.json().path("discount").asString()).isEqualTo("100.00");
        assertThat(next.json().path("pointsEarned").asLong()).isEqualTo(90);
        assertThat(next.json().path("tier").path("changed").asBoolean()).isFalse();
        assertThat(next.json().path("appliedRules").toString()).contains("Silver");

        Api.Response balance = api.get(key, "/api/v1/members/" + member + "/balance");
        assertThat(balance.json().path("tier").path("code").asString()).isEqualTo("silver");
        assertThat(api.get(key, "/api/v1/members/" + member).json().path("tier").path("name").asString())
                .isEqualTo("Silver");
    }
}
