package io.kopilka.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A pos key issued for one store records that store's purchases only; a key without a store, any. */
class StoreKeyIT extends IntegrationTest {

    @Test
    void aStoreKeyMayNotRecordAnotherStoresPurchases() {
        TestTenant tenant = newTenant();
        String admin = tenant.adminKey();
        api.post(admin, "/api/v1/stores", Map.of("code", "main"));
        api.post(admin, "/api/v1/stores", Map.of("code", "mall"));
        String mainTill = api.post(admin, "/api/v1/api-keys", Map.of("name", "till", "role", "pos",
                "storeCode", "main")).text("key");
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
}
