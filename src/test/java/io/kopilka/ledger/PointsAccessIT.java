package io.kopilka.ledger;

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

/**
 * Balance, history, adjustments and transfers: another tenant's members do not exist (404), a pos key
 * may not take points nor give more than its daily gift limit (403), and a refused call changes
 * nothing of anybody's points.
 */
class PointsAccessIT extends IntegrationTest {
    private TestTenant a;
    private String a1;
    private String a2;
    private TestTenant b;
    private String b1;

    @BeforeEach
    void twoTenants() {
        a = newTenant();
        api.put(a.adminKey(), "/api/v1/program", Map.of("welcomePoints", 100,
                "expiry", Map.of("mode", "after_earn", "months", 6)));
        api.post(a.adminKey(), "/api/v1/stores", Map.of("code", "main"));
        api.post(a.adminKey(), "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5"));
        a1 = newMember(a);
        a2 = newMember(a);
        Api.Response p = api.post(a.adminKey(), "/api/v1/purchases", Map.of("externalId", "a-1", "storeCode", "main",
                "member", Map.of("id", a1), "redeemPoints", 50,
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "1000"))));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);

        b = newTenant();
        api.post(b.adminKey(), "/api/v1/stores", Map.of("code", "main"));
        b1 = newMember(b);
        assertThat(api.post(b.adminKey(), "/api/v1/members/" + b1 + "/adjustments",
                Map.of("points", 300, "reason", "seed")).status()).isEqualTo(201);
    }

    /** Everything tenant A's points are made of, to compare before and after. */
    private record Snapshot(JsonNode balance1, JsonNode balance2, JsonNode history1, JsonNode history2,
                            List<LedgerInvariant.Row> rows, long transfers) {
    }

    private Snapshot snapshotOfA() {
        return new Snapshot(api.get(a.adminKey(), "/api/v1/members/" + a1 + "/balance").json(),
                api.get(a.adminKey(), "/api/v1/members/" + a2 + "/balance").json(),
                api.get(a.adminKey(), "/api/v1/members/" + a1 + "/history").json(),
                api.get(a.adminKey(), "/api/v1/members/" + a2 + "/history").json(),
                LedgerInvariant.rows(jdbc, UUID.fromString(a.id())),
                jdbc.sql("SELECT COUNT(*) FROM transfer WHERE tenant_id = :t").param("t", UUID.fromString(a.id()))
                        .query(Long.class).single());
    }

    private long available(String key, String member) {
        return api.get(key, "/api/v1/members/" + member + "/balance").json().path("available").asLong();
    }

    @Test
    void anotherTenantsKeysFindNoneOfTheseMembers() {
        Snapshot before = snapshotOfA();
        assertThat(before.balance1().path("available").asLong()).isEqualTo(100 - 50 + 47);

        String bPos = newKey(b, "pos");
        for (String key : List.of(b.adminKey(), bPos)) {
            for (String member : List.of(a1, a2)) {
                assertProblem(api.get(key, "/api/v1/members/" + member + "/balance"), 404, "not_found");
                assertProblem(api.get(key, "/api/v1/members/" + member + "/history"), 404, "not_found");
                assertProblem(api.get(key, "/api/v1/members/" + member + "/history?limit=1"), 404, "not_found");
            }
            Api.Response adjust = api.post(key, "/api/v1/members/" + a1 + "/adjustments",
                    Map.of("points", 1000, "reason", "hijack"));
            Api.Response take = api.post(key, "/api/v1/members/" + a1 + "/adjustments",
                    Map.of("points", -50, "reason", "hijack"), "steal-1");
            assertProblem(api.post(key, "/api/v1/members/" + a1 + "/gifts", Map.of("points", 10, "reason", "hijack")),
                    404, "not_found");
            if (key.equals(bPos)) {
                // A pos key may give points (within its gift limit), so it is told what an admin is: no such
                // member; taking points it may not, whosever they are.
                assertProblem(adjust, 404, "not_found");
                assertProblem(take, 403, "forbidden");
            } else {
                assertProblem(adjust, 404, "not_found");
                assertProblem(take, 404, "not_found");
            }
            // Transfers are admin only: a pos key is refused before any member is looked for.
            int status = key.equals(bPos) ? 403 : 404;
            String code = key.equals(bPos) ? "forbidden" : "not_found";
            assertProblem(api.post(key, "/api/v1/transfers", Map.of("fromMemberId", a1, "toMemberId", a2,
                    "points", 10)), status, code);
            assertProblem(api.post(key, "/api/v1/transfers", Map.of("fromMemberId", a1, "toMemberId", b1,
                    "points", 10)), status, code);
            assertProblem(api.post(key, "/api/v1/transfers", Map.of("fromMemberId", b1, "toMemberId", a1,
                    "points", 10), "gift-" + key.hashCode()), status, code);
        }

        assertThat(snapshotOfA()).isEqualTo(before);
        LedgerInvariant.check(jdbc, UUID.fromString(a.id()));
        assertThat(available(b.adminKey(), b1)).as("B's own member kept its points").isEqualTo(300);
        LedgerInvariant.check(jdbc, UUID.fromString(b.id()));
    }

    @Test
    void aPosKeyMayNotTakePointsNorGiveMoreThanItsDailyGiftLimit() {
        String pos = newKey(a, "pos");
        Snapshot before = snapshotOfA();
        // The program gives pos keys no gift limit (the default 0): they may give nothing.
        assertProblem(api.post(pos, "/api/v1/members/" + a1 + "/adjustments",
                Map.of("points", 100, "reason", "gift")), 403, "gift_limit_exceeded");
        assertProblem(api.post(pos, "/api/v1/members/" + a1 + "/adjustments",
                Map.of("points", -100, "reason", "fine")), 403, "forbidden");
        assertThat(snapshotOfA()).isEqualTo(before);
    }

    @Test
    void aPosKeyMayReadBalanceAndHistoryButNotTransfer() {
        String pos = newKey(a, "pos");
        Api.Response balance = api.get(pos, "/api/v1/members/" + a1 + "/balance");
        assertThat(balance.status()).isEqualTo(200);
        assertThat(balance.json().path("available").asLong()).isEqualTo(97);
        assertThat(balance.text("value")).isEqualTo("97.00");
        Api.Response history = api.get(pos, "/api/v1/members/" + a1 + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().path("items").size()).isEqualTo(3); // welcome, redeem, earn

        // Moving points between members is admin only: a leaked till key must not drain an account.
        Snapshot before = snapshotOfA();
        assertProblem(api.post(pos, "/api/v1/transfers", Map.of("fromMemberId", a1, "toMemberId", a2, "points", 40)),
                403, "forbidden");
        assertThat(snapshotOfA()).isEqualTo(before);

        Api.Response t = api.post(a.adminKey(), "/api/v1/transfers",
                Map.of("fromMemberId", a1, "toMemberId", a2, "points", 40));
        assertThat(t.status()).as(t.toString()).isEqualTo(201);
        assertThat(t.json().path("fromAvailable").asLong()).isEqualTo(57);
        assertThat(t.json().path("toAvailable").asLong()).isEqualTo(140);
        LedgerInvariant.check(jdbc, UUID.fromString(a.id()));
    }

    @Test
    void unknownOrMalformedMemberIdsAreNotFound() {
        String key = a.adminKey();
        for (String id : List.of(UUID.randomUUID().toString(), "nope", "12345")) {
            assertProblem(api.get(key, "/api/v1/members/" + id + "/balance"), 404, "not_found");
            assertProblem(api.get(key, "/api/v1/members/" + id + "/history"), 404, "not_found");
            assertProblem(api.post(key, "/api/v1/members/" + id + "/adjustments", Map.of("points", 1, "reason", "x")),
                    404, "not_found");
            assertProblem(api.post(key, "/api/v1/members/" + id + "/gifts", Map.of("points", 1, "reason", "x")),
                    404, "not_found");
            assertProblem(api.post(key, "/api/v1/transfers", Map.of("fromMemberId", a1, "toMemberId", id,
                    "points", 1)), 404, "not_found");
        }
        assertProblem(api.post(key, "/api/v1/transfers", Map.of("toMemberId", a1, "points", 1)), 404, "not_found");
        LedgerInvariant.check(jdbc, UUID.fromString(a.id()));
        assertThat(available(key, a1)).isEqualTo(97);
    }

    @Test
    void pointsCannotMoveToOrFromAnErasedMember() {
        assertThat(api.delete(a.adminKey(), "/api/v1/members/" + a2).status()).isEqualTo(204);
        assertProblem(api.post(a.adminKey(), "/api/v1/transfers", Map.of("fromMemberId", a1, "toMemberId", a2,
                "points", 10)), 409, "member_erased");
        assertProblem(api.post(a.adminKey(), "/api/v1/transfers", Map.of("fromMemberId", a2, "toMemberId", a1,
                "points", 10)), 409, "member_erased");
        assertThat(available(a.adminKey(), a1)).isEqualTo(97);
        assertThat(available(a.adminKey(), a2)).isEqualTo(100);
    }

    @Test
    void anErasedMemberCannotBeGivenPoints() {
        assertThat(api.delete(a.adminKey(), "/api/v1/members/" + a2).status()).isEqualTo(204);
        Api.Response r = api.post(a.adminKey(), "/api/v1/members/" + a2 + "/adjustments",
                Map.of("points", 100, "reason", "gift"));
        assertThat(r.status()).as(r.toString()).isIn(404, 409, 422);
        assertThat(available(a.adminKey(), a2)).isEqualTo(100);
    }
}
