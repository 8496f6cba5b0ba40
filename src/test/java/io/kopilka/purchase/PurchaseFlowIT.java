package io.kopilka.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The till's story over real HTTP: earn, redeem, return, balance, and every refusal. */
class PurchaseFlowIT extends IntegrationTest {
    private TestTenant tenant;
    private String key;
    private String member;
    private String phone;

    @BeforeEach
    void program() {
        tenant = newTenant("KZT", "Asia/Almaty", "en");
        key = tenant.adminKey();
        assertThat(api.put(key, "/api/v1/program", Map.of("expiry", Map.of("mode", "after_earn", "months", 12),
                "welcomePoints", 100)).status()).isEqualTo(200);
        assertThat(api.post(key, "/api/v1/stores", Map.of("code", "main", "name", "Main")).status()).isEqualTo(201);
        assertThat(api.post(key, "/api/v1/rules", Map.of("name", "5% back", "kind", "points_percent", "percent", "5"))
                .status()).isEqualTo(201);
        phone = randomPhone();
        member = api.post(key, "/api/v1/members", Map.of("phone", phone)).text("id");
    }

    private Map<String, Object> purchase(String externalId, long redeem) {
        return Map.of("externalId", externalId, "storeCode", "main", "member", Map.of("phone", phone),
                "items", List.of(Map.of("sku", "HAIRCUT", "name", "Haircut", "category", "service", "quantity", 1,
                                "unitPrice", "5000.00"),
                        Map.of("sku", "SHAMPOO-1", "category", "shampoo", "quantity", 2, "unitPrice", "1500.00")),
                "redeemPoints", redeem);
    }

    @Test
    void earnsRedeemsAndExplains() {
        Api.Response r = api.post(key, "/api/v1/purchases", purchase("till1-1", 100));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("subtotal")).isEqualTo("8000.00");
        assertThat(r.json().path("pointsRedeemed").asLong()).isEqualTo(100);
        assertThat(r.text("redeemValue")).isEqualTo("100.00");
        assertThat(r.text("payable")).isEqualTo("7900.00");
        assertThat(r.json().path("pointsEarned").asLong()).isEqualTo(395);
        assertThat(r.json().path("balance").path("available").asLong()).isEqualTo(395);
        assertThat(r.json().path("appliedRules").get(0).path("explanation").asString())
                .isEqualTo("5% back on 7\u202F900 ₸: 395 points");
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void replayReturnsTheFirstAnswerAndADifferentBodyConflicts() {
        Api.Response first = api.post(key, "/api/v1/purchases", purchase("till1-2", 0));
        Api.Response again = api.post(key, "/api/v1/purchases", purchase("till1-2", 0));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        Api.Response other = api.post(key, "/api/v1/purchases", purchase("till1-2", 50));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("idempotency_conflict");
        assertThat(balance().path("available").asLong()).isEqualTo(100 + 400);
    }

    @Test
    void quoteWritesNothing() {
        Api.Response q = api.post(key, "/api/v1/purchases/quote", purchase("till1-3", 100));
        assertThat(q.status()).isEqualTo(200);
        assertThat(q.json().path("pointsEarned").asLong()).isEqualTo(395);
        assertThat(q.json().path("balance").path("available").asLong()).isEqualTo(395);
        assertThat(purchases()).isZero();
        assertThat(balance().path("available").asLong()).isEqualTo(100);
    }

    @Test
    void redemptionIsCappedByShareAndRefusedAboveBalance() {
        api.post(key, "/api/v1/members/" + member + "/adjustments", Map.of("points", 5000, "reason", "test"));
        Api.Response capped = api.post(key, "/api/v1/purchases", purchase("till1-4", 5000));
        assertThat(capped.status()).isEqualTo(201);
        assertThat(capped.json().path("pointsRedeemed").asLong()).isEqualTo(2400); // 30% of 8000
        Api.Response tooMany = api.post(key, "/api/v1/purchases", purchase("till1-5", 1_000_000));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.code()).isEqualTo("insufficient_points");
    }

    @Test
    void minimumRedemptionIsEnforced() {
        api.put(key, "/api/v1/program", Map.of("minRedeemPoints", 500));
        Api.Response r = api.post(key, "/api/v1/purchases", purchase("till1-6", 50));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("below_min_redeem");
        assertThat(purchases()).isZero();
    }

    @Test
    void aCheckTooSmallToRedeemTheMinimumIsRefused() {
        api.put(key, "/api/v1/program", Map.of("minRedeemPoints", 500));
        api.post(key, "/api/v1/members/" + member + "/adjustments", Map.of("points", 5000, "reason", "test"));
        Map<String, Object> small = Map.of("externalId", "small-1", "storeCode", "main", "member", Map.of("phone", phone),
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "1000")), "redeemPoints", 600);
        Api.Response r = api.post(key, "/api/v1/purchases", small);
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("below_min_redeem");
        assertThat(r.json().path("maxRedeemable").asLong()).isEqualTo(300);
        assertThat(purchases()).isZero();
    }

    @Test
    void partialReturnsAddUpToTheWhole() {
        Api.Response p = api.post(key, "/api/v1/purchases", purchase("till1-7", 100));
        String id = p.text("id");
        Api.Response r1 = api.post(key, "/api/v1/purchases/" + id + "/returns",
                Map.of("externalId", "ret-1", "items", List.of(Map.of("sku", "SHAMPOO-1", "quantity", 1))));
        assertThat(r1.status()).as(r1.toString()).isEqualTo(201);
        Api.Response r2 = api.post(key, "/api/v1/purchases/" + id + "/returns",
                Map.of("externalId", "ret-2", "amount", "1000.00"));
        assertThat(r2.status()).as(r2.toString()).isEqualTo(201);
        Api.Response r3 = api.post(key, "/api/v1/purchases/" + id + "/returns",
                Map.of("externalId", "ret-3", "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1))));
        assertThat(r3.status()).as(r3.toString()).isEqualTo(201);
        Api.Response rest = api.post(key, "/api/v1/purchases/" + id + "/returns",
                Map.of("externalId", "ret-4", "items", List.of(Map.of("sku", "SHAMPOO-1", "quantity", 1))));
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        long reversed = sum("pointsReversed", r1, r2, r3, rest);
        long refunded = sum("pointsRefunded", r1, r2, r3, rest);
        assertThat(reversed).isEqualTo(395);
        assertThat(refunded).isEqualTo(100);
        assertThat(balance().path("available").asLong()).isEqualTo(100);
        Api.Response over = api.post(key, "/api/v1/purchases/" + id + "/returns",
                Map.of("externalId", "ret-5", "amount", "1.00"));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("over_return");
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void returnOfSpentPointsLeavesADebtThatTheNextEarningPays() {
        String id = api.post(key, "/api/v1/purchases", purchase("till1-8", 0)).text("id");
        // 100 welcome + 400 earned; spend 500 over two purchases, then return the first one whole.
        api.post(key, "/api/v1/members/" + member + "/adjustments", Map.of("points", -500, "reason", "spent elsewhere"));
        Api.Response ret = api.post(key, "/api/v1/purchases/" + id + "/returns",
                Map.of("externalId", "ret-debt", "amount", "8000.00"));
        assertThat(ret.json().path("pointsReversed").asLong()).isEqualTo(400);
        assertThat(balance().path("available").asLong()).isEqualTo(-400);
        api.post(key, "/api/v1/purchases", purchase("till1-9", 0));
        assertThat(balance().path("available").asLong()).isEqualTo(0);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void aPurchaseReturnedInFullIsNoVisit() {
        String id = api.post(key, "/api/v1/purchases", purchase("till1-v1", 0)).text("id");
        api.post(key, "/api/v1/purchases", purchase("till1-v2", 0));
        assertThat(visits()).isEqualTo(2);
        api.post(key, "/api/v1/purchases/" + id + "/returns", Map.of("externalId", "ret-v1",
                "items", List.of(Map.of("sku", "SHAMPOO-1", "quantity", 1))));
        assertThat(visits()).isEqualTo(2); // a partial return keeps the visit
        api.post(key, "/api/v1/purchases/" + id + "/returns", Map.of("externalId", "ret-v2",
                "items", List.of(Map.of("sku", "SHAMPOO-1", "quantity", 1), Map.of("sku", "HAIRCUT", "quantity", 1))));
        assertThat(visits()).isEqualTo(1);
    }

    private int visits() {
        return jdbc.sql("SELECT visits FROM points_account WHERE member_id = :m").param("m", UUID.fromString(member))
                .query(Integer.class).single();
    }

    @Test
    void returnsAreIdempotentByExternalId() {
        String id = api.post(key, "/api/v1/purchases", purchase("till1-10", 0)).text("id");
        Map<String, Object> body = Map.of("externalId", "ret-x", "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1)));
        Api.Response a = api.post(key, "/api/v1/purchases/" + id + "/returns", body);
        Api.Response b = api.post(key, "/api/v1/purchases/" + id + "/returns", body);
        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.json()).isEqualTo(a.json());
    }

    @Test
    void guestPurchasesAreStoredWithoutPoints() {
        Map<String, Object> guest = Map.of("externalId", "guest-1", "storeCode", "main",
                "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1, "unitPrice", "5000")));
        Api.Response r = api.post(key, "/api/v1/purchases", guest);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("pointsEarned").asLong()).isZero();
        assertThat(r.json().path("memberId").isNull()).isTrue();
        assertThat(purchases()).isEqualTo(1);
    }

    @Test
    void pendingPointsBecomeAvailableAfterPendingDays() {
        api.put(key, "/api/v1/program", Map.of("pendingDays", 14));
        Api.Response r = api.post(key, "/api/v1/purchases", purchase("till1-11", 0));
        assertThat(r.json().path("pointsPending").asLong()).isEqualTo(400);
        assertThat(balance().path("pending").asLong()).isEqualTo(400);
        clock.advance(Duration.ofDays(14));
        assertThat(balance().path("available").asLong()).isEqualTo(500);
        assertThat(balance().path("pending").asLong()).isZero();
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        List<Map<String, Object>> bad = List.of(
                Map.of("externalId", "b1", "storeCode", "main", "items", List.of()),
                Map.of("externalId", "b2", "storeCode", "main",
                        "items", List.of(Map.of("sku", "X", "quantity", -1, "unitPrice", "10"))),
                Map.of("externalId", "b3", "storeCode", "main",
                        "items", List.of(Map.of("sku", "X", "quantity", 1, "unitPrice", "-10"))),
                Map.of("externalId", "b4", "storeCode", "nowhere",
                        "items", List.of(Map.of("sku", "X", "quantity", 1, "unitPrice", "10"))),
                Map.of("externalId", "b5", "storeCode", "main", "redeemPoints", 10,
                        "items", List.of(Map.of("sku", "X", "quantity", 1, "unitPrice", "10"))),
                Map.of("externalId", "b6", "storeCode", "main", "member", Map.of("id", UUID.randomUUID().toString()),
                        "items", List.of(Map.of("sku", "X", "quantity", 1, "unitPrice", "10"))),
                Map.of("externalId", "b7", "storeCode", "main", "occurredAt", "2020-01-01T00:00:00+05:00",
                        "items", List.of(Map.of("sku", "X", "quantity", 1, "unitPrice", "10"))),
                Map.of("storeCode", "main", "items", List.of(Map.of("sku", "X", "quantity", 1, "unitPrice", "10"))));
        for (Map<String, Object> body : bad) {
            Api.Response r = api.post(key, "/api/v1/purchases", body);
            assertThat(r.status()).as(body + " → " + r).isIn(404, 422);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.code()).isNotBlank();
        }
        Api.Response malformed = api.post(key, "/api/v1/purchases", "{\"externalId\": \"x\", \"items\": [");
        assertThat(malformed.status()).isEqualTo(400);
        Api.Response wrongType = api.post(key, "/api/v1/purchases",
                "{\"externalId\":\"x\",\"storeCode\":\"main\",\"items\":[{\"sku\":\"X\",\"quantity\":\"many\",\"unitPrice\":\"1\"}]}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(purchases()).isZero();
        assertThat(balance().path("available").asLong()).isEqualTo(100);
    }

    @Test
    void transfersMoveAvailablePointsAndRefuseBadOnes() {
        String other = newMember(tenant);
        Api.Response t = api.post(key, "/api/v1/transfers", Map.of("fromMemberId", member, "toMemberId", other,
                "points", 60));
        assertThat(t.status()).as(t.toString()).isEqualTo(201);
        assertThat(t.json().path("fromAvailable").asLong()).isEqualTo(40);
        assertThat(t.json().path("toAvailable").asLong()).isEqualTo(160);
        assertThat(api.post(key, "/api/v1/transfers", Map.of("fromMemberId", member, "toMemberId", other,
                "points", 41)).code()).isEqualTo("insufficient_points");
        assertThat(api.post(key, "/api/v1/transfers", Map.of("fromMemberId", member, "toMemberId", member,
                "points", 1)).status()).isEqualTo(422);
        assertThat(api.post(key, "/api/v1/transfers", Map.of("fromMemberId", member, "toMemberId", other,
                "points", -5)).status()).isEqualTo(422);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void adjustmentsNeedAReasonAndKeepWhoMadeThem() {
        assertThat(api.post(key, "/api/v1/members/" + member + "/adjustments", Map.of("points", 10)).status())
                .isEqualTo(422);
        Api.Response r = api.post(key, "/api/v1/members/" + member + "/adjustments",
                Map.of("points", 25, "reason", "compensation", "note", "long wait"), "adj-1");
        assertThat(r.status()).isEqualTo(201);
        assertThat(api.post(key, "/api/v1/members/" + member + "/adjustments",
                Map.of("points", 25, "reason", "compensation", "note", "long wait"), "adj-1").status()).isEqualTo(200);
        assertThat(balance().path("available").asLong()).isEqualTo(125);
        String actor = jdbc.sql("SELECT actor FROM ledger_entry WHERE member_id = :m AND type = 'adjust'")
                .param("m", UUID.fromString(member)).query(String.class).single();
        assertThat(actor).startsWith("key:");
    }

    @Test
    void historyIsPagedNewestFirst() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            api.post(key, "/api/v1/purchases", purchase("till1-h" + i, 0));
        }
        Api.Response page1 = api.get(key, "/api/v1/members/" + member + "/history?limit=4");
        assertThat(page1.json().path("items").size()).isEqualTo(4);
        String cursor = page1.text("nextCursor");
        Api.Response page2 = api.get(key, "/api/v1/members/" + member + "/history?limit=4&cursor=" + cursor);
        assertThat(page2.json().path("items").size()).isEqualTo(2);
        assertThat(page2.json().path("nextCursor").isNull()).isTrue();
        assertThat(page2.json().path("items").get(1).path("type").asString()).isEqualTo("welcome");
    }

    private tools.jackson.databind.JsonNode balance() {
        return api.get(key, "/api/v1/members/" + member + "/balance").json();
    }

    private long purchases() {
        return jdbc.sql("SELECT COUNT(*) FROM purchase WHERE tenant_id = :t").param("t", UUID.fromString(tenant.id()))
                .query(Long.class).single();
    }

    private static long sum(String field, Api.Response... responses) {
        long s = 0;
        for (Api.Response r : responses) {
            s += r.json().path(field).asLong();
        }
        return s;
    }
}
