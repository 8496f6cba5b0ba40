package io.kopilka.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Returns whose money part is zero: goods paid wholly with points, free items, goods already refunded by amount. */
class ReturnEdgeCasesIT extends IntegrationTest {
    private TestTenant tenant;
    private String key;
    private String member;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        key = tenant.adminKey();
        api.put(key, "/api/v1/program", Map.of("maxRedeemShare", "1"));
        api.post(key, "/api/v1/stores", Map.of("code", "main"));
        api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5"));
        member = newMember(tenant);
        api.post(key, "/api/v1/members/" + member + "/adjustments", Map.of("points", 1000, "reason", "seed"));
    }

    private Api.Response buy(String externalId, long redeem, List<Map<String, Object>> items) {
        Api.Response r = api.post(key, "/api/v1/purchases", Map.of("externalId", externalId, "storeCode", "main",
                "member", Map.of("id", member), "redeemPoints", redeem, "items", items));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private Api.Response giveBack(String purchase, Map<String, Object> body) {
        return api.post(key, "/api/v1/purchases/" + purchase + "/returns", body);
    }

    private long available() {
        return api.get(key, "/api/v1/members/" + member + "/balance").json().path("available").asLong();
    }

    @Test
    void partOfAPurchasePaidPartlyWithPointsGivesThePointsBack() {
        String id = buy("p1", 400, List.of(Map.of("sku", "A", "quantity", 2, "unitPrice", "500"))).text("id");
        // 1000 - 400 redeemed + 5% of 600 = 30 → 630
        assertThat(available()).isEqualTo(630);
        Api.Response r = giveBack(id, Map.of("externalId", "r1", "items", List.of(Map.of("sku", "A", "quantity", 1))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("pointsRefunded").asLong()).isEqualTo(200);
        assertThat(r.json().path("pointsReversed").asLong()).isEqualTo(15);
        assertThat(available()).isEqualTo(630 + 200 - 15);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void goodsPaidWhollyWithPointsCanBeReturned() {
        Api.Response p = buy("p1", 500, List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "500")));
        assertThat(p.text("payable")).isEqualTo("0.00");
        assertThat(available()).isEqualTo(500);
        Api.Response r = giveBack(p.text("id"), Map.of("externalId", "r1",
                "items", List.of(Map.of("sku", "A", "quantity", 1))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("pointsRefunded").asLong()).isEqualTo(500);
        assertThat(available()).isEqualTo(1000);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void aFreeItemCanBeReturnedWithoutAServerError() {
        String id = buy("p1", 0, List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "1000"),
                Map.of("sku", "GIFT", "quantity", 1, "unitPrice", "0"))).text("id");
        Api.Response r = giveBack(id, Map.of("externalId", "r1", "items", List.of(Map.of("sku", "GIFT", "quantity", 1))));
        assertThat(r.status()).as(r.toString()).isIn(201, 422);
        assertThat(available()).isEqualTo(1050);
    }

    @Test
    void itemsOfAPurchaseRefundedInFullByAmountAreRefusedNot500() {
        String id = buy("p1", 0, List.of(Map.of("sku", "A", "quantity", 2, "unitPrice", "1000"))).text("id");
        assertThat(giveBack(id, Map.of("externalId", "r1", "amount", "2000.00")).status()).isEqualTo(201);
        Api.Response r = giveBack(id, Map.of("externalId", "r2", "items", List.of(Map.of("sku", "A", "quantity", 2))));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(available()).isEqualTo(1000);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }
}
