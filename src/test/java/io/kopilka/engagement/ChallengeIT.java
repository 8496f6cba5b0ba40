package io.kopilka.engagement;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Challenges over the API: the catalog, stamp cards counted with purchases, returns, quotes and replays. */
class ChallengeIT extends IntegrationTest {
    private TestTenant tenant;
    private String admin;
    private String phone;
    private String member;
    private String reward;
    private int purchases;

    @BeforeEach
    void program() {
        tenant = newTenant();
        admin = tenant.adminKey();
        assertThat(api.post(admin, "/api/v1/stores", Map.of("code", "main", "name", "Main")).status()).isEqualTo(201);
        Api.Response r = api.post(admin, "/api/v1/rewards", json("name", "Бесплатная стрижка", "names",
                Map.of("kk", "Тегін шаш қию", "en", "Free haircut"), "kind", "gift"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        reward = r.text("id");
        phone = randomPhone();
        member = api.post(admin, "/api/v1/members", Map.of("phone", phone)).text("id");
    }

    @AfterEach
    void ledgerAddsUp() {
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    private Map<String, Object> stampCard(Object... more) {
        Map<String, Object> body = json("name", "Каждая 6-я стрижка бесплатно", "names",
                Map.of("en", "Every 6th haircut free", "kk", "Әр 6-шы шаш қию тегін"), "metric", "visits",
                "target", 6, "window", null, "repeat", true, "oncePerDay", false,
                "reward", json("points", 100, "rewardId", reward, "badge", "regular"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private String create(Map<String, Object> body) {
        Api.Response r = api.post(admin, "/api/v1/challenges", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    private Map<String, Object> purchase(String externalId) {
        return json("externalId", externalId, "storeCode", "main", "member", Map.of("phone", phone),
                "items", List.of(Map.of("sku", "HAIRCUT", "category", "haircut", "quantity", 1, "unitPrice", "5000.00")));
    }

    private Api.Response buy() {
        Api.Response r = api.post(admin, "/api/v1/purchases", purchase("p-" + (++purchases)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        clock.advance(Duration.ofDays(1));
        return r;
    }

    private JsonNode challengePart(Api.Response r) {
        JsonNode list = r.json().path("challenges");
        assertThat(list.size()).as(r.toString()).isEqualTo(1);
        return list.get(0);
    }

    private static long total(Api.Response r) {
        return r.json().path("balance").path("available").asLong() + r.json().path("balance").path("pending").asLong();
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = :t")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single();
    }

    @Test
    void aStampCardCompletesOnTheSixthVisitAndStartsAgain() {
        String id = create(stampCard());
        Api.Response fifth = null;
        for (int i = 1; i <= 5; i++) {
            fifth = buy();
            JsonNode part = challengePart(fifth);
            assertThat(part.path("progress").asString()).isEqualTo(String.valueOf(i));
            assertThat(part.path("completed").asBoolean()).isFalse();
        }
        Api.Response sixth = buy();
        JsonNode part = challengePart(sixth);
        assertThat(part.path("challengeId").asString()).isEqualTo(id);
        assertThat(part.path("completed").asBoolean()).isTrue();
        assertThat(part.path("couponsIssued").size()).isEqualTo(1);
        assertThat(sixth.json().path("messages").toString()).contains("Готово: «Каждая 6-я стрижка бесплатно»");
        assertThat(challengePart(buy()).path("progress").asString()).isEqualTo("1");
        JsonNode cards = api.get(admin, "/api/v1/members/" + member + "/challenges").json();
        assertThat(cards.get(0).path("completions").asInt()).isEqualTo(1);
        assertThat(cards.get(0).path("progress").asString()).isEqualTo("1");
        assertThat(cards.get(0).path("target").asString()).isEqualTo("6");
        assertThat(jdbc.sql("SELECT count(*) FROM member_badge WHERE tenant_id = :t AND code = 'regular'")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single()).isEqualTo(1);
        long challengePoints = jdbc.sql("SELECT count(*) FROM ledger_entry WHERE tenant_id = :t AND type = 'challenge'")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single();
        assertThat(challengePoints).isEqualTo(1);
        // The answer's balance has the challenge's 100 points (no rule earns any here).
        assertThat(total(sixth)).isEqualTo(total(fifth) + 100);
    }

    @Test
    void theMessagesCountWhatIsLeft() {
        create(stampCard("target", 3));
        assertThat(buy().json().path("messages").toString()).contains("Каждая 6-я стрижка бесплатно: ещё 2 визита");
    }

    @Test
    void aHeadStartOfTwoOfSixCompletesOnTheFourthVisit() {
        create(stampCard("headStart", 2));
        assertThat(api.get(admin, "/api/v1/members/" + member + "/challenges").json().get(0).path("progress")
                .asString()).isEqualTo("2");
        for (int i = 1; i <= 3; i++) {
            assertThat(challengePart(buy()).path("completed").asBoolean()).isFalse();
        }
        assertThat(challengePart(buy()).path("completed").asBoolean()).isTrue();
    }

    @Test
    void theQuoteShowsTheProgressAndWritesNothing() {
        create(stampCard("target", 2));
        buy();
        long entries = rows("challenge_entry");
        Api.Response q = api.post(admin, "/api/v1/purchases/quote", purchase("q-1"));
        assertThat(q.status()).as(q.toString()).isEqualTo(200);
        assertThat(challengePart(q).path("completed").asBoolean()).isTrue();
        assertThat(challengePart(q).path("couponsIssued").size()).isZero();
        assertThat(rows("challenge_entry")).isEqualTo(entries);
        assertThat(rows("challenge_completion")).isZero();
        assertThat(rows("coupon")).isZero();
    }

    @Test
    void aReplayAnswersTheSameChallenges() {
        create(stampCard("target", 1));
        Api.Response first = api.post(admin, "/api/v1/purchases", purchase("same"));
        Api.Response again = api.post(admin, "/api/v1/purchases", purchase("same"));
        assertThat(again.json().path("challenges")).isEqualTo(first.json().path("challenges"));
        assertThat(first.json().path("challenges").get(0).path("completed").asBoolean()).isTrue();
        assertThat(rows("challenge_completion")).isEqualTo(1);
    }

    @Test
    void theCompletingPurchaseReturnedWithItsCouponUnusedCancelsTheReward() {
        create(stampCard("target", 2, "reward", json("points", 100, "rewardId", reward)));
        buy();
        Api.Response second = buy();
        String code = challengePart(second).path("couponsIssued").get(0).asString();
        Api.Response ret = api.post(admin, "/api/v1/purchases/" + second.text("id") + "/returns",
                Map.of("externalId", "r-1", "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1))));
        assertThat(ret.status()).as(ret.toString()).isEqualTo(201);
        assertThat(api.get(admin, "/api/v1/coupons/" + code).json().path("status").asString()).isEqualTo("cancelled");
        JsonNode card = api.get(admin, "/api/v1/members/" + member + "/challenges").json().get(0);
        assertThat(card.path("completions").asInt()).isZero();
        assertThat(card.path("progress").asString()).isEqualTo("1");
    }

    @Test
    void theCompletingPurchaseReturnedWithItsCouponUsedKeepsTheReward() {
        create(stampCard("target", 1, "reward", json("rewardId", reward)));
        Api.Response p = buy();
        String code = challengePart(p).path("couponsIssued").get(0).asString();
        assertThat(api.post(admin, "/api/v1/coupons/" + code + "/use", null).status()).isEqualTo(200);
        api.post(admin, "/api/v1/purchases/" + p.text("id") + "/returns",
                Map.of("externalId", "r-1", "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1))));
        assertThat(api.get(admin, "/api/v1/members/" + member + "/challenges").json().get(0).path("completions")
                .asInt()).isEqualTo(1);
    }

    @Test
    void sixteenConcurrentPurchasesCrossingTheTargetCompleteItOnce() throws Exception {
        create(stampCard("target", 10, "repeat", false));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String externalId = "c-" + i;
            calls.add(() -> api.post(admin, "/api/v1/purchases", purchase(externalId)).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rows("challenge_completion")).isEqualTo(1);
        assertThat(rows("challenge_entry")).isEqualTo(10);
    }

    @Test
    void refusalsWriteNothing() {
        assertInvalid(api.post(admin, "/api/v1/challenges", stampCard("target", 0, "window", Map.of("days", -1))),
                "target", "window.days");
        assertProblem(api.post(admin, "/api/v1/challenges", stampCard("qualifier", Map.of("condition",
                "purchase.total >"))), 422, "invalid_condition");
        assertInvalid(api.post(admin, "/api/v1/challenges", stampCard("reward",
                Map.of("rewardId", UUID.randomUUID().toString()))), "reward.rewardId");
        assertProblem(api.post(newKey(tenant, "pos"), "/api/v1/challenges", stampCard()), 403, "forbidden");
        assertThat(rows("challenge")).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE tenant_id = :t AND object_type = 'challenge'")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single()).isZero();
    }

    @Test
    void anotherTenantsChallengeIsNotFound() {
        String id = create(stampCard());
        String pos = newKey(tenant, "pos");
        assertThat(api.get(pos, "/api/v1/challenges/" + id).status()).isEqualTo(200);
        assertThat(api.get(pos, "/api/v1/challenges").json().path("items").size()).isEqualTo(1);
        TestTenant other = newTenant();
        assertProblem(api.get(other.adminKey(), "/api/v1/challenges/" + id), 404, "not_found");
        assertProblem(api.put(other.adminKey(), "/api/v1/challenges/" + id, stampCard()), 404, "not_found");
        assertProblem(api.delete(other.adminKey(), "/api/v1/challenges/" + id), 404, "not_found");
        assertThat(api.delete(admin, "/api/v1/challenges/" + id).status()).isEqualTo(204);
        assertThat(api.get(admin, "/api/v1/challenges/" + id).json().path("challenge").path("active").asBoolean())
                .isFalse();
        assertThat(buy().json().path("challenges").size()).isZero();
    }
}
