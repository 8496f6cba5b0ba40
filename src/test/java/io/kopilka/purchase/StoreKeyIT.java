package io.kopilka.purchase;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A pos key issued for one store records that store's purchases only; a key without a store, any. */
class StoreKeyIT extends IntegrationTest {

    /** Two stores, main and mall, and a pos key issued for main: its text. */
    private String mainStoreTill(String admin) {
        api.post(admin, "/api/v1/stores", Map.of("code", "main"));
        api.post(admin, "/api/v1/stores", Map.of("code", "mall"));
        return api.post(admin, "/api/v1/api-keys", Map.of("name", "till", "role", "pos", "storeCode", "main"))
                .text("key");
    }

    @Test
    void aStoreKeyMayNotRecordAnotherStoresPurchases() {
        TestTenant tenant = newTenant();
        String admin = tenant.adminKey();
        String mainTill = mainStoreTill(admin);
        Map<String, Object> atMall = Map.of("externalId", "m1", "storeCode", "mall",
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "100")));
        Api.Response refused = api.post(mainTill, "/api/v1/purchases", atMall);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("store_not_allowed");
        assertThat(api.post(mainTill, "/api/v1/purchases/quote", atMall).status()).isEqualTo(403);
        assertThat(api.post(mainTill, "/api/v1/purchases", Map.of("externalId", "m2", "storeCode", "main",
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "100")))).status()).isEqualTo(201);
        assertThat(api.post(admin, "/api/v1/purchases", atMall).status()).isEqualTo(201);
        long purchases = jdbc.sql("SELECT COUNT(*) FROM purchase WHERE tenant_id = :t")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single();
        assertThat(purchases).isEqualTo(2);
    }

    @Test
    void aStoreKeyMayNotReturnAnotherStoresPurchases() {
        TestTenant tenant = newTenant();
        String admin = tenant.adminKey();
        String mainTill = mainStoreTill(admin);
        String anyTill = api.post(admin, "/api/v1/api-keys", Map.of("name", "web", "role", "pos")).text("key");
        api.post(admin, "/api/v1/rules", Map.of("name", "10% back", "kind", "points_percent", "percent", "10"));
        String member = newMember(tenant);
        String atMall = purchase(admin, "mall-1", "mall", member);
        String atMain = purchase(admin, "main-1", "main", member);
        Map<String, Object> oneItem = Map.of("externalId", "r1", "items", List.of(Map.of("sku", "A", "quantity", 1)));

        assertProblem(api.post(mainTill, "/api/v1/purchases/" + atMall + "/returns", oneItem), 403,
                "store_not_allowed");
        assertProblem(api.post(mainTill, "/api/v1/purchases/" + atMall + "/returns",
                Map.of("externalId", "r2", "amount", "50")), 403, "store_not_allowed");
        assertThat(returns(tenant)).as("a refused return writes nothing").isZero();
        assertThat(api.get(admin, "/api/v1/members/" + member + "/balance").json().path("available").asLong())
                .as("20 points from each purchase, none taken back").isEqualTo(40);

        Api.Response own = api.post(mainTill, "/api/v1/purchases/" + atMain + "/returns", oneItem);
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        Api.Response unbound = api.post(anyTill, "/api/v1/purchases/" + atMall + "/returns",
                Map.of("externalId", "r3", "items", List.of(Map.of("sku", "A", "quantity", 1))));
        assertThat(unbound.status()).as("a pos key without a store may return any store's purchase: " + unbound)
                .isEqualTo(201);
        assertThat(returns(tenant)).isEqualTo(2);
    }

    @Test
    void aStoreKeyGetsNoReplayOfAnotherStoresReturn() {
        TestTenant tenant = newTenant();
        String admin = tenant.adminKey();
        String mainTill = mainStoreTill(admin);
        String atMall = purchase(admin, "mall-1", "mall", newMember(tenant));
        Map<String, Object> oneItem = Map.of("externalId", "r1", "items", List.of(Map.of("sku", "A", "quantity", 1)));
        assertThat(api.post(admin, "/api/v1/purchases/" + atMall + "/returns", oneItem).status()).isEqualTo(201);

        assertProblem(api.post(mainTill, "/api/v1/purchases/" + atMall + "/returns", oneItem), 403,
                "store_not_allowed");
        assertThat(returns(tenant)).isEqualTo(1);
    }

    /** A purchase of two units at 100 for the member; returns its id. */
    private String purchase(String key, String externalId, String store, String member) {
        Api.Response r = api.post(key, "/api/v1/purchases", Map.of("externalId", externalId, "storeCode", store,
                "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "A", "quantity", 2, "unitPrice", "100"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    private long returns(TestTenant tenant) {
        return jdbc.sql("SELECT COUNT(*) FROM purchase_return WHERE tenant_id = :t")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single();
    }
}
