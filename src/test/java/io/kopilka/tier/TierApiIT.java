package io.kopilka.tier;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The tier endpoints: the ladder's shape and validation, assignment, history, roles and isolation. */
class TierApiIT extends IntegrationTest {

    /** The ladder exactly as docs/api.md writes it. */
    private static Map<String, Object> apiLadder() {
        return json("metric", "spend", "window", json("type", "rolling_months", "months", 12), "graceDays", 30,
                "levels", List.of(
                        json("code", "base", "name", "Base", "threshold", "0"),
                        json("code", "silver", "name", "Silver", "threshold", "5000.00",
                                "benefits", json("earnMultiplier", "1.5", "discountPercent", "0",
                                        "perks", List.of("Free coffee"))),
                        json("code", "gold", "name", "Gold", "threshold", "20000.00",
                                "benefits", json("earnMultiplier", "2", "discountPercent", "5")),
                        json("code", "vip", "name", "VIP", "manual", true,
                                "benefits", json("earnMultiplier", "2", "discountPercent", "15"))));
    }

    private static final String STORED_LADDER = """
            {"metric":"spend","window":{"type":"rolling_months","months":12},"graceDays":30,"levels":[\
            {"code":"base","name":"Base","threshold":"0.00","manual":false,\
            "benefits":{"earnMultiplier":"1","discountPercent":"0","perks":[]}},\
            {"code":"silver","name":"Silver","threshold":"5000.00","manual":false,\
            "benefits":{"earnMultiplier":"1.5","discountPercent":"0","perks":["Free coffee"]}},\
            {"code":"gold","name":"Gold","threshold":"20000.00","manual":false,\
            "benefits":{"earnMultiplier":"2","discountPercent":"5","perks":[]}},\
            {"code":"vip","name":"VIP","threshold":null,"manual":true,\
            "benefits":{"earnMultiplier":"2","discountPercent":"15","perks":[]}}],"version":%d}""";

    private TestTenant tenantWithLadder() {
        TestTenant t = newTenant();
        Api.Response r = api.put(t.adminKey(), "/api/v1/tiers", apiLadder());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return t;
    }

    @Test
    void theLadderIsStoredAndReadInTheShapeOfTheApiDocument() {
        TestTenant t = newTenant();
        JsonNode none = api.get(t.adminKey(), "/api/v1/tiers").json();
        assertThat(none.path("levels")).isEmpty();
        assertThat(none.path("version").asLong()).isZero();

        Api.Response put = api.put(t.adminKey(), "/api/v1/tiers", apiLadder());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.body()).isEqualTo(STORED_LADDER.formatted(1));
        assertThat(api.get(t.adminKey(), "/api/v1/tiers").body()).isEqualTo(STORED_LADDER.formatted(1));

        // Numbers are accepted as well as strings; the version counts replacements.
        Map<String, Object> numbers = apiLadder();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = new ArrayList<>((List<Map<String, Object>>) numbers.get("levels"));
        levels.set(1, json("code", "silver", "name", "Silver", "threshold", 5000,
                "benefits", json("earnMultiplier", 1.5, "discountPercent", 0, "perks", List.of("Free coffee"))));
        numbers.put("levels", levels);
        assertThat(api.put(t.adminKey(), "/api/v1/tiers", numbers).body()).isEqualTo(STORED_LADDER.formatted(2));
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        TestTenant t = newTenant();
        Map<String, String> key = Map.of("Idempotency-Key", "ladder-1");
        Api.Response first = api.send("PUT", t.adminKey(), "/api/v1/tiers", apiLadder(), key);
        Api.Response again = api.send("PUT", t.adminKey(), "/api/v1/tiers", apiLadder(), key);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(api.get(t.adminKey(), "/api/v1/tiers").json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aBrokenLadderIsRefusedWithItsFieldsAndNothingIsWritten() {
        TestTenant t = tenantWithLadder();
        String key = t.adminKey();
        assertInvalid(api.put(key, "/api/v1/tiers", json("metric", "money", "window", json("type", "weekly"),
                "graceDays", 400, "levels", List.of())), "metric", "window.type", "graceDays", "levels");
        assertInvalid(api.put(key, "/api/v1/tiers", json("metric", "spend",
                "window", json("type", "rolling_months", "months", 0), "levels", List.of(
                        json("code", "base", "name", "Base", "threshold", "100"),
                        json("code", "base", "name", "Again", "threshold", "50"),
                        json("code", "vip", "name", "VIP", "manual", true, "threshold", "1")))),
                "window.months", "levels[0].threshold", "levels[1].code", "levels[1].threshold",
                "levels[2].threshold");
        assertInvalid(api.put(key, "/api/v1/tiers", json("metric", "visits", "window", json("type", "lifetime"),
                "levels", List.of(json("code", "a", "name", "A", "threshold", "0"),
                        json("code", "b", "name", "B", "threshold", "2.5",
                                "benefits", json("earnMultiplier", "0.5", "discountPercent", "120",
                                        "perks", List.of(" ")))))),
                "levels[1].threshold", "levels[1].benefits.earnMultiplier", "levels[1].benefits.discountPercent",
                "levels[1].benefits.perks");
        assertInvalid(api.put(key, "/api/v1/tiers", json("metric", "spend", "window", json("type", "lifetime"),
                "levels", List.of(json("code", "vip", "name", "VIP", "manual", true)))), "levels");
        assertInvalid(api.put(key, "/api/v1/tiers", json("metric", "spend", "window", json("type", "lifetime"),
                "levels", Arrays.asList(json("code", "base", "name", "Base", "threshold", "0"), null))),
                "levels[1].code");
        assertProblem(api.put(key, "/api/v1/tiers", "{\"metric\": \"spend\", \"graceDays\": \"soon\"}"), 400,
                "malformed_request");
        assertProblem(api.put(key, "/api/v1/tiers", json("metric", "spend", "levels", List.of(
                json("code", "base", "name", "Base", "threshold", "zero")))), 400, "malformed_request");
        assertProblem(api.put(key, "/api/v1/tiers", "{\"levels\": "), 400, "malformed_request");

        assertThat(api.get(key, "/api/v1/tiers").body()).isEqualTo(STORED_LADDER.formatted(1));
    }

    @Test
    void anAdminAssignsALevelWithAReasonAndItIsInTheHistory() {
        TestTenant t = tenantWithLadder();
        String member = newMember(t, Map.of("phone", randomPhone(), "locale", "kk")).text("id");
        Api.Response r = api.put(t.adminKey(), "/api/v1/members/" + member + "/tier",
                json("code", "vip", "reason", "Friend of the house"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(
                "{\"code\":\"vip\",\"name\":\"VIP\",\"nextTier\":null,\"progress\":null,\"remaining\":null}");
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + member + "/tier").body()).isEqualTo(r.body());

        JsonNode item = api.get(t.adminKey(), "/api/v1/members/" + member + "/tier/history").json().path("items").get(0);
        assertThat(item.path("from").asString()).isEqualTo("base");
        assertThat(item.path("to").asString()).isEqualTo("vip");
        assertThat(item.path("reason").asString()).isEqualTo("assigned");
        assertThat(item.path("note").asString()).isEqualTo("Friend of the house");
        assertThat(item.path("actor").asString()).startsWith("key:");
        assertThat(item.path("message").asString()).isEqualTo("«VIP» деңгейін бағдарлама әкімшісі берді");
        JsonNode en = api.get(t.adminKey(), "/api/v1/members/" + member + "/tier/history?lang=en").json();
        assertThat(en.path("items").get(0).path("message").asString()).isEqualTo("Level \"VIP\" given by the program's team");

        // Back to an automatic level by hand: from now on the usual rules apply.
        r = api.put(t.adminKey(), "/api/v1/members/" + member + "/tier", json("code", "base", "reason", "Season over"));
        assertThat(r.json().path("nextTier").asString()).isEqualTo("silver");
        assertThat(r.json().path("remaining").asString()).isEqualTo("5000.00");
    }

    @Test
    void anAssignmentIsRefusedForAnUnknownLevelWithoutAReasonOrWithoutTiers() {
        TestTenant t = tenantWithLadder();
        String member = newMember(t);
        String path = "/api/v1/members/" + member + "/tier";
        assertInvalid(api.put(t.adminKey(), path, json("code", "platinum", "reason", "x")), "code");
        assertInvalid(api.put(t.adminKey(), path, json("code", "vip")), "reason");
        assertInvalid(api.put(t.adminKey(), path, json("code", "vip", "reason", "x".repeat(201))), "reason");
        assertThat(api.get(t.adminKey(), path + "/history").json().path("items")).isEmpty();

        TestTenant bare = newTenant();
        String other = newMember(bare);
        assertProblem(api.put(bare.adminKey(), "/api/v1/members/" + other + "/tier", json("code", "vip", "reason", "x")),
                409, "tiers_not_configured");
        assertProblem(api.get(bare.adminKey(), "/api/v1/members/" + other + "/tier"), 404, "tiers_not_configured");
    }

    @Test
    void theHistoryIsPagedNewestFirst() {
        TestTenant t = tenantWithLadder();
        String member = newMember(t);
        String path = "/api/v1/members/" + member + "/tier";
        for (String code : List.of("silver", "gold", "vip", "base", "gold")) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(api.put(t.adminKey(), path, json("code", code, "reason", "step")).status()).isEqualTo(200);
        }
        JsonNode page = api.get(t.adminKey(), path + "/history?limit=2").json();
        assertThat(page.path("items").findValuesAsString("to")).containsExactly("gold", "base");
        List<String> all = new ArrayList<>(page.path("items").findValuesAsString("to"));
        while (!page.path("nextCursor").isNull()) {
            page = api.get(t.adminKey(), path + "/history?limit=2&cursor=" + page.path("nextCursor").asString()).json();
            all.addAll(page.path("items").findValuesAsString("to"));
        }
        assertThat(all).containsExactly("gold", "base", "vip", "gold", "silver");
        assertInvalid(api.get(t.adminKey(), path + "/history?cursor=nonsense"), "cursor");
        assertInvalid(api.get(t.adminKey(), path + "/history?limit=0"), "limit");
        assertInvalid(api.get(t.adminKey(), path + "/history?lang=de"), "lang");
    }

    @Test
    void aPosKeyReadsAMembersTierButConfiguresNothing() {
        TestTenant t = tenantWithLadder();
        String pos = newKey(t, "pos");
        String member = newMember(t);
        assertProblem(api.get(pos, "/api/v1/tiers"), 403, "forbidden");
        assertProblem(api.put(pos, "/api/v1/tiers", apiLadder()), 403, "forbidden");
        assertProblem(api.put(pos, "/api/v1/members/" + member + "/tier", json("code", "vip", "reason", "x")), 403,
                "forbidden");
        assertThat(api.get(pos, "/api/v1/members/" + member + "/tier").json().path("code").asString()).isEqualTo("base");
        assertThat(api.get(pos, "/api/v1/members/" + member + "/tier/history").status()).isEqualTo(200);
        assertThat(api.get(t.adminKey(), "/api/v1/tiers").json().path("version").asLong()).isEqualTo(1);
        assertProblem(api.get(null, "/api/v1/tiers"), 401, "unauthorized");
        assertProblem(api.get(null, "/api/v1/members/" + member + "/tier"), 401, "unauthorized");
    }

    @Test
    void anotherTenantsMemberIsNotFoundAndItsLadderIsNotSeen() {
        TestTenant a = tenantWithLadder();
        TestTenant b = tenantWithLadder();
        String memberOfA = newMember(a);
        String path = "/api/v1/members/" + memberOfA + "/tier";
        assertProblem(api.get(b.adminKey(), path), 404, "not_found");
        assertProblem(api.put(b.adminKey(), path, json("code", "vip", "reason", "x")), 404, "not_found");
        assertProblem(api.get(b.adminKey(), path + "/history"), 404, "not_found");
        assertProblem(api.get(newKey(b, "pos"), path), 404, "not_found");
        assertProblem(api.get(a.adminKey(), "/api/v1/members/not-a-uuid/tier"), 404, "not_found");
        assertThat(api.get(a.adminKey(), path).json().path("code").asString()).isEqualTo("base");

        api.put(b.adminKey(), "/api/v1/tiers", json("metric", "visits", "window", json("type", "lifetime"),
                "levels", List.of(json("code", "regular", "name", "Regular", "threshold", "0"))));
        assertThat(api.get(a.adminKey(), "/api/v1/tiers").body()).isEqualTo(STORED_LADDER.formatted(1));
        assertThat(api.get(b.adminKey(), "/api/v1/tiers").json().path("metric").asString()).isEqualTo("visits");
    }
}
