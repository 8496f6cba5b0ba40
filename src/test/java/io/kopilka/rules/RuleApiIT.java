package io.kopilka.rules;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static io.kopilka.testing.ProblemAssert.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** /api/v1/rules: create, read, replace, delete; what is refused and why; who may; whose. */
class RuleApiIT extends IntegrationTest {
    private TestTenant tenant;
    private String key;
    private String member;

    @BeforeEach
    void tenant() {
        tenant = newTenant("KZT", "Asia/Almaty", "en");
        key = tenant.adminKey();
        api.post(key, "/api/v1/stores", Map.of("code", "main"));
        member = newMember(tenant);
    }

    private static Map<String, Object> percentRule(String name, String percent) {
        return json("name", name, "kind", "points_percent", "percent", percent);
    }

    private String create(Map<String, Object> body) {
        Api.Response r = api.post(key, "/api/v1/rules", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    private long ruleRows() {
        return jdbc.sql("SELECT COUNT(*) FROM rule WHERE tenant_id = :t").param("t", UUID.fromString(tenant.id()))
                .query(Long.class).single();
    }

    private long earnedOn(String externalId, String price) {
        Api.Response r = api.post(key, "/api/v1/purchases", Map.of("externalId", externalId, "storeCode", "main",
                "member", Map.of("id", member), "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", price))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("pointsEarned").asLong();
    }

    @Test
    void createReadListReplaceAndDelete() {
        Api.Response created = api.post(key, "/api/v1/rules", percentRule("5% back", "5"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.text("name")).isEqualTo("5% back");
        assertThat(created.text("kind")).isEqualTo("points_percent");
        assertThat(created.json().path("percent").isString()).as(created.toString()).isTrue();
        assertThat(created.text("percent")).isEqualTo("5");
        assertThat(created.json().path("priority").asInt()).isEqualTo(100);
        assertThat(created.json().path("stackable").asBoolean()).isTrue();

        Api.Response got = api.get(key, "/api/v1/rules/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(created.json());
        JsonNode list = api.get(key, "/api/v1/rules").json();
        assertThat(list.path("items").size()).isEqualTo(1);
        assertThat(list.path("items").get(0)).isEqualTo(created.json());
        assertThat(earnedOn("p1", "1000")).isEqualTo(50);

        Api.Response replaced = api.put(key, "/api/v1/rules/" + id, json("name", "7% back", "kind", "points_percent",
                "percent", "7", "priority", 5, "stackable", false));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.text("id")).isEqualTo(id);
        Api.Response after = api.get(key, "/api/v1/rules/" + id);
        assertThat(after.text("name")).isEqualTo("7% back");
        assertThat(after.text("percent")).isEqualTo("7");
        assertThat(after.json().path("priority").asInt()).isEqualTo(5);
        assertThat(after.json().path("stackable").asBoolean()).isFalse();
        assertThat(earnedOn("p2", "1000")).isEqualTo(70);

        assertThat(api.delete(key, "/api/v1/rules/" + id).status()).isEqualTo(204);
        assertProblem(api.get(key, "/api/v1/rules/" + id), 404, "not_found");
        assertThat(api.get(key, "/api/v1/rules").json().path("items").size()).isZero();
        assertProblem(api.put(key, "/api/v1/rules/" + id, percentRule("back again", "9")), 404, "not_found");
        assertProblem(api.delete(key, "/api/v1/rules/" + id), 404, "not_found");
        assertThat(earnedOn("p3", "1000")).as("a deleted rule no longer earns").isZero();
    }

    @Test
    void unknownRuleIdsAreNotFound() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "1")) {
            assertProblem(api.get(key, "/api/v1/rules/" + id), 404, "not_found");
            assertProblem(api.put(key, "/api/v1/rules/" + id, percentRule("x", "5")), 404, "not_found");
            assertProblem(api.delete(key, "/api/v1/rules/" + id), 404, "not_found");
        }
    }

    @Test
    void theListIsInEvaluationOrderHighestPriorityFirst() {
        String low = create(json("name", "low", "kind", "points_percent", "percent", "1", "priority", 1));
        String high = create(json("name", "high", "kind", "points_percent", "percent", "1", "priority", 500));
        String mid = create(json("name", "mid", "kind", "points_percent", "percent", "1"));
        List<String> ids = new ArrayList<>();
        api.get(key, "/api/v1/rules").json().path("items").forEach(r -> ids.add(r.path("id").asString()));
        assertThat(ids).containsExactly(high, mid, low);
    }

    @ParameterizedTest
    @ValueSource(strings = {"points_fixed", "points_per_item", "multiplier", "discount_percent", "discount_by_spend"})
    void everyKindIsAccepted(String kind) {
        Api.Response r = api.post(key, "/api/v1/rules", json("name", kind, "kind", kind, "points", 10,
                "factor", "2", "percent", "5", "steps", List.of(Map.of("spend", "1000", "percent", "3"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("kind")).isEqualTo(kind);
        assertThat(ruleRows()).isEqualTo(1);
    }

    @Test
    void aCouponRuleNeedsARewardOfTheTenant() {
        Api.Response r = api.post(key, "/api/v1/rules", json("name", "later", "kind", "issue_coupon",
                "rewardId", "r1"));
        assertProblem(r, 422, "unknown_target");
        assertThat(ruleRows()).isZero();
    }

    @Test
    void anUnknownKindIsAValidationError() {
        assertInvalid(api.post(key, "/api/v1/rules", json("name", "x", "kind", "cashback", "percent", "5")), "kind");
        assertInvalid(api.post(key, "/api/v1/rules", json("name", "x", "percent", "5")), "kind");
        assertThat(ruleRows()).isZero();
    }

    @Test
    void segmentsAreRefusedUntilTheyExist() {
        Map<String, Object> body = percentRule("VIP segment", "5");
        body.put("segment", "vip");
        Api.Response r = api.post(key, "/api/v1/rules", body);
        assertProblem(r, 422, "unsupported_rule_field");
        assertThat(errorFields(r)).as(r.toString()).containsExactly("segment");
        assertThat(ruleRows()).isZero();
    }

    @Test
    void everyConditionAndLimitIsStoredAndReadBack() {
        Map<String, Object> all = percentRule("everything", "5");
        all.putAll(json("daysOfWeek", List.of("TUE"), "hours", Map.of("from", "10:00", "to", "14:00"),
                "tiers", List.of("gold"), "condition", "purchase.total > 5000.0", "budgetPoints", 10000,
                "maxPointsPerMemberPerDay", 100, "maxPointsPerMemberPerMonth", 1000));
        Api.Response r = api.post(key, "/api/v1/rules", all);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode read = api.get(key, "/api/v1/rules/" + r.text("id")).json();
        assertThat(read.path("daysOfWeek").get(0).asString()).isEqualTo("TUE");
        assertThat(read.path("hours").path("from").asString()).isEqualTo("10:00");
        assertThat(read.path("condition").asString()).isEqualTo("purchase.total > 5000.0");
        assertThat(read.path("budgetPoints").asLong()).isEqualTo(10000);
        assertThat(read.path("maxPointsPerMemberPerMonth").asLong()).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-5", "100.01", "0.00"})
    void percentMustBeAbove0AndAtMost100(String percent) {
        assertInvalid(api.post(key, "/api/v1/rules", percentRule("bad", percent)), "percent");
        assertThat(ruleRows()).isZero();
    }

    @Test
    void percentLimitsThemselvesAreAccepted() {
        create(percentRule("all", "100"));
        create(percentRule("tiny", "0.01"));
        assertThat(ruleRows()).isEqualTo(2);
    }

    @Test
    void otherBadFieldsAreNamedTogether() {
        Api.Response r = api.post(key, "/api/v1/rules", json("name", " ", "kind", "points_percent",
                "validFrom", "2026-12-01T00:00:00+05:00", "validTo", "2026-11-01T00:00:00+05:00",
                "maxPointsPerPurchase", 0, "priority", 2_000_000));
        assertInvalid(r, "name", "percent", "validTo", "maxPointsPerPurchase", "priority");
        assertProblem(api.post(key, "/api/v1/rules", "{\"name\": \"x\", \"kind\": \"points_percent\", \"percent\": \"five\"}"),
                400, "malformed_request");
        assertThat(api.post(key, "/api/v1/rules", "{\"name\": ").status()).isEqualTo(400);
        assertThat(ruleRows()).isZero();
    }

    @Test
    void aRefusedReplacementLeavesTheRuleAsItWas() {
        String id = create(percentRule("5% back", "5"));
        JsonNode before = api.get(key, "/api/v1/rules/" + id).json();
        assertProblem(api.put(key, "/api/v1/rules/" + id, json("name", "x", "kind", "issue_coupon", "rewardId", "r")),
                422, "unknown_target");
        Map<String, Object> segment = percentRule("Segment", "50");
        segment.put("segment", "vip");
        assertProblem(api.put(key, "/api/v1/rules/" + id, segment), 422, "unsupported_rule_field");
        assertInvalid(api.put(key, "/api/v1/rules/" + id, percentRule("x", "0")), "percent");
        assertThat(api.get(key, "/api/v1/rules/" + id).json()).isEqualTo(before);
        assertThat(earnedOn("p1", "1000")).isEqualTo(50);
    }

    @Test
    void aPosKeyMayNotTouchRules() {
        String id = create(percentRule("5% back", "5"));
        JsonNode before = api.get(key, "/api/v1/rules/" + id).json();
        String pos = newKey(tenant, "pos");
        assertProblem(api.post(pos, "/api/v1/rules", percentRule("mine", "50")), 403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/rules"), 403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/rules/" + id), 403, "forbidden");
        assertProblem(api.put(pos, "/api/v1/rules/" + id, percentRule("mine", "50")), 403, "forbidden");
        assertProblem(api.delete(pos, "/api/v1/rules/" + id), 403, "forbidden");
        assertThat(ruleRows()).isEqualTo(1);
        assertThat(api.get(key, "/api/v1/rules/" + id).json()).isEqualTo(before);
    }

    @Test
    void anotherTenantCannotSeeChangeOrDeleteARule() {
        String id = create(percentRule("5% back", "5"));
        JsonNode before = api.get(key, "/api/v1/rules/" + id).json();
        TestTenant other = newTenant();
        String otherPos = newKey(other, "pos");
        for (String otherAdmin : List.of(other.adminKey(), newKey(other, "admin"))) {
            assertProblem(api.get(otherAdmin, "/api/v1/rules/" + id), 404, "not_found");
            assertProblem(api.put(otherAdmin, "/api/v1/rules/" + id, percentRule("hijacked", "100")), 404, "not_found");
            assertProblem(api.delete(otherAdmin, "/api/v1/rules/" + id), 404, "not_found");
            assertThat(api.get(otherAdmin, "/api/v1/rules").body()).doesNotContain(id);
        }
        // A pos key is stopped by its role before the tenant is even looked at.
        assertProblem(api.get(otherPos, "/api/v1/rules/" + id), 403, "forbidden");
        assertProblem(api.put(otherPos, "/api/v1/rules/" + id, percentRule("hijacked", "100")), 403, "forbidden");
        assertProblem(api.delete(otherPos, "/api/v1/rules/" + id), 403, "forbidden");

        assertThat(api.get(key, "/api/v1/rules/" + id).json()).isEqualTo(before);
        assertThat(earnedOn("p1", "1000")).isEqualTo(50);
        // And another tenant's rules never price this tenant's purchases.
        api.post(other.adminKey(), "/api/v1/rules", percentRule("other's 50%", "50"));
        assertThat(earnedOn("p2", "1000")).isEqualTo(50);
    }
}
