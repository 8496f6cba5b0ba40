package io.kopilka.purchase;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Purchases and returns: another tenant's members and purchases are not found; a pos key serves the till. */
class PurchaseAccessIT extends IntegrationTest {
    private TestTenant a;
    private String memberId;
    private String phone;
    private String card;
    private String purchaseId;
    private TestTenant b;

    @BeforeEach
    void twoTenants() {
        a = newTenant();
        api.post(a.adminKey(), "/api/v1/stores", Map.of("code", "main"));
        api.post(a.adminKey(), "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5"));
        Api.Response m = newMember(a, Map.of("phone", randomPhone()));
        memberId = m.text("id");
        phone = m.text("phone");
        card = m.text("cardNumber");
        Api.Response p = api.post(a.adminKey(), "/api/v1/purchases", purchase("a-1", Map.of("id", memberId)));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        purchaseId = p.text("id");

        b = newTenant();
        api.post(b.adminKey(), "/api/v1/stores", Map.of("code", "main"));
        api.post(b.adminKey(), "/api/v1/rules", Map.of("name", "50%", "kind", "points_percent", "percent", "50"));
    }

    private static Map<String, Object> purchase(String externalId, Map<String, String> member) {
        return Map.of("externalId", externalId, "storeCode", "main", "member", member,
                "items", List.of(Map.of("sku", "A", "quantity", 2, "unitPrice", "1000")));
    }

    private long rows(String table, TestTenant t) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = :t").param("t", UUID.fromString(t.id()))
                .query(Long.class).single();
    }

    private record Snapshot(JsonNode balance, JsonNode history, List<LedgerInvariant.Row> rows, long purchases,
                            long returns, List<String> items) {
    }

    private Snapshot snapshotOfA() {
        return new Snapshot(api.get(a.adminKey(), "/api/v1/members/" + memberId + "/balance").json(),
                api.get(a.adminKey(), "/api/v1/members/" + memberId + "/history").json(),
                LedgerInvariant.rows(jdbc, UUID.fromString(a.id())), rows("purchase", a), rows("purchase_return", a),
                jdbc.sql("""
                        SELECT returned_quantity || '/' || returned_value || '/' || points_reversed FROM purchase_item
                        WHERE tenant_id = :t ORDER BY purchase_id, line""")
                        .param("t", UUID.fromString(a.id())).query(String.class).list());
    }

    @Test
    void anotherTenantCannotBuyForOrReturnToTheseMembers() {
        Snapshot before = snapshotOfA();
        assertThat(before.balance().path("available").asLong()).isEqualTo(100);

        List<Map<String, String>> refs = List.of(Map.of("id", memberId), Map.of("phone", phone), Map.of("card", card));
        int n = 0;
        for (String key : List.of(b.adminKey(), newKey(b, "pos"))) {
            for (Map<String, String> ref : refs) {
                assertProblem(api.post(key, "/api/v1/purchases/quote", purchase("b-q" + n, ref)), 404, "not_found");
                assertProblem(api.post(key, "/api/v1/purchases", purchase("b-" + n++, ref)), 404, "not_found");
            }
            assertProblem(api.post(key, "/api/v1/purchases/" + purchaseId + "/returns",
                    Map.of("externalId", "b-r" + n, "items", List.of(Map.of("sku", "A", "quantity", 1)))), 404,
                    "not_found");
            assertProblem(api.post(key, "/api/v1/purchases/" + purchaseId + "/returns",
                    Map.of("externalId", "b-r" + n + "x", "amount", "500.00")), 404, "not_found");
        }

        assertThat(snapshotOfA()).isEqualTo(before);
        LedgerInvariant.check(jdbc, UUID.fromString(a.id()));
        assertThat(rows("purchase", b)).isZero();
        assertThat(rows("purchase_return", b)).isZero();
        assertThat(rows("ledger_entry", b)).isZero();
    }

    @Test
    void externalIdsAreEachTenantsOwn() {
        // B may use A's externalId: a new purchase of B's own, not a replay of A's answer.
        String bMember = newMember(b);
        Api.Response r = api.post(b.adminKey(), "/api/v1/purchases", purchase("a-1", Map.of("id", bMember)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("id")).isNotEqualTo(purchaseId);
        assertThat(r.text("memberId")).isEqualTo(bMember);
        assertThat(r.json().path("pointsEarned").asLong()).isEqualTo(1000);
        // B's return cannot reach A's purchase even with B's own externalId space.
        assertProblem(api.post(b.adminKey(), "/api/v1/purchases/" + purchaseId + "/returns",
                Map.of("externalId", "ret-1", "amount", "1.00")), 404, "not_found");
        assertThat(api.get(a.adminKey(), "/api/v1/members/" + memberId + "/balance").json().path("available")
                .asLong()).isEqualTo(100);
    }

    @Test
    void aPosKeyMayQuoteBuyAndReturn() {
        String pos = newKey(a, "pos");
        Api.Response q = api.post(pos, "/api/v1/purchases/quote", purchase("pos-1", Map.of("phone", phone)));
        assertThat(q.status()).as(q.toString()).isEqualTo(200);
        Api.Response p = api.post(pos, "/api/v1/purchases", purchase("pos-1", Map.of("card", card)));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        assertThat(p.json().path("pointsEarned").asLong()).isEqualTo(100);
        Api.Response r = api.post(pos, "/api/v1/purchases/" + p.text("id") + "/returns",
                Map.of("externalId", "pos-r1", "items", List.of(Map.of("sku", "A", "quantity", 1))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("pointsReversed").asLong()).isEqualTo(50);
        assertThat(r.json().path("balance").path("available").asLong()).isEqualTo(150);
        LedgerInvariant.check(jdbc, UUID.fromString(a.id()));
    }
}
