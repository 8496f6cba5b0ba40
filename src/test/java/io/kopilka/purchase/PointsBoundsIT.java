package io.kopilka.purchase;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules that are each valid may together promise more points than a purchase can hold: that is the
 * owner's mistake to hear about (422), never a 500 and never a partly written purchase.
 */
class PointsBoundsIT extends IntegrationTest {

    @Test
    void aPurchaseThatWouldEarnPastTheBoundIsRefusedAndWritesNothing() {
        TestTenant t = newTenant();
        assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Main")).status())
                .isEqualTo(201);
        assertThat(api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "Huge", "kind", "points_per_item",
                "points", 1_000_000_000, "itemFilter", Map.of("skus", List.of("GOLD")))).status()).isEqualTo(201);
        assertThat(api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "x100", "kind", "multiplier",
                "factor", "100")).status()).isEqualTo(201);
        String member = newMember(t);
        Map<String, Object> order = json("externalId", "gold-1", "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "GOLD", "quantity", "1000000", "unitPrice", "1.00")));

        Api.Response quote = assertProblem(api.post(t.adminKey(), "/api/v1/purchases/quote", order), 422,
                "points_limit_exceeded");
        assertThat(quote.text("detail")).contains("1000000000");
        assertProblem(api.post(t.adminKey(), "/api/v1/purchases", order), 422, "points_limit_exceeded");
        assertThat(jdbc.sql("SELECT count(*) FROM purchase WHERE tenant_id = :t::uuid").param("t", t.id())
                .query(Long.class).single()).isZero();
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + member + "/balance").json().path("available").asLong())
                .isZero();

        // A smaller cart under the same rules is priced as usual.
        Map<String, Object> small = json("externalId", "gold-2", "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "HAIRCUT", "quantity", "1", "unitPrice", "5000.00")));
        assertThat(api.post(t.adminKey(), "/api/v1/purchases", small).status()).isEqualTo(201);
    }

    /**
     * Found in review: 10^6 × 10^9 passed each line's bounds and overflowed the money columns (10^15)
     * with a 500. A purchase totals at most 10^11.
     */
    @Test
    void aPurchaseTotalsAtMostATenthOfATrillion() {
        TestTenant t = newTenant();
        assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Main")).status())
                .isEqualTo(201);
        String member = newMember(t);
        Map<String, Object> order = json("externalId", "huge", "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "GOLD", "quantity", "1000000", "unitPrice", "1000000000")));
        assertInvalid(api.post(t.adminKey(), "/api/v1/purchases", order), "items");
        assertInvalid(api.post(t.adminKey(), "/api/v1/purchases/quote", order), "items");
        Map<String, Object> guest = json("externalId", "huge-guest", "storeCode", "main",
                "items", List.of(Map.of("sku", "GOLD", "quantity", "1000000", "unitPrice", "1000000000")));
        assertInvalid(api.post(t.adminKey(), "/api/v1/purchases", guest), "items");
        assertThat(jdbc.sql("SELECT count(*) FROM purchase WHERE tenant_id = :t::uuid").param("t", t.id())
                .query(Long.class).single()).isZero();
    }
}
