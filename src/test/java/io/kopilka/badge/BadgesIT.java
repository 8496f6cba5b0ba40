package io.kopilka.badge;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Milestone badges in purchases and level changes, and {@code GET /members/{id}/badges}. */
class BadgesIT extends IntegrationTest {
    private TestTenant tenant;
    private String key;

    @BeforeEach
    void store() {
        tenant = newTenant();
        key = tenant.adminKey();
        assertThat(api.post(key, "/api/v1/stores", Map.of("code", "main")).status()).isEqualTo(201);
    }

    private Api.Response buy(String member, String price) {
        Api.Response r = api.post(key, "/api/v1/purchases", Map.of("externalId", UUID.randomUUID().toString(),
                "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", price))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private JsonNode badges(String member, String query) {
        Api.Response r = api.get(key, "/api/v1/members/" + member + "/badges" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private JsonNode badge(String member, String query, String code) {
        for (JsonNode b : badges(member, query)) {
            if (b.path("code").asString().equals(code)) {
                return b;
            }
        }
        throw new AssertionError("no badge " + code + " in " + badges(member, query));
    }

    private List<String> codes(String member) {
        List<String> codes = new ArrayList<>();
        badges(member, "").forEach(b -> codes.add(b.path("code").asString()));
        return codes;
    }

    private long rows(String member, String code) {
        return jdbc.sql("SELECT count(*) FROM member_badge WHERE tenant_id = :t AND member_id = :m AND code = :c")
                .param("t", UUID.fromString(tenant.id())).param("m", UUID.fromString(member)).param("c", code)
                .query(Long.class).single();
    }

    @Test
    void aNewMemberHasNoBadgesAndTheFirstPurchaseGivesTheFirstVisit() {
        String member = newMember(tenant);
        assertThat(badges(member, "")).isEmpty();

        buy(member, "1000");
        JsonNode list = badges(member, "");
        assertThat(list).hasSize(1);
        JsonNode first = list.get(0);
        assertThat(first.path("code").asString()).isEqualTo("first_visit");
        assertThat(first.path("name").asString()).isEqualTo("Первый визит");
        assertThat(first.path("source").asString()).isEqualTo("milestone");
        assertThat(first.path("earnedAt").asString()).endsWith("+05:00");

        buy(member, "1000");
        assertThat(codes(member)).containsExactly("first_visit");
    }

    @Test
    void namesReadInTheMembersLanguageOrTheOneAskedFor() {
        String member = newMember(tenant, Map.of("phone", randomPhone(), "locale", "kk")).text("id");
        buy(member, "1000");
        assertThat(badges(member, "").get(0).path("name").asString()).isEqualTo("Алғашқы сапар");
        assertThat(badges(member, "?lang=ru").get(0).path("name").asString()).isEqualTo("Первый визит");
        assertThat(badges(member, "?lang=en").get(0).path("name").asString()).isEqualTo("First visit");
        assertThat(badges(member, "?lang=kk").get(0).path("name").asString()).isEqualTo("Алғашқы сапар");
        assertProblem(api.get(key, "/api/v1/members/" + member + "/badges?lang=de"), 422, "validation_failed");
    }

    @Test
    void theTenthVisitIsGivenOnceAndAReturnKeepsIt() {
        String member = newMember(tenant);
        List<String> purchases = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            purchases.add(buy(member, "1000").text("id"));
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(codes(member)).containsExactly("first_visit");
        String tenth = buy(member, "1000").text("id");
        assertThat(codes(member)).containsExactly("tenth_visit", "first_visit");
        JsonNode earned = badges(member, "?lang=en").get(0);
        assertThat(earned.path("name").asString()).isEqualTo("10 visits");

        // A whole return takes the visit back, not the badge; the next (tenth again) gives nothing new.
        clock.advance(Duration.ofMinutes(1));
        Api.Response back = api.post(key, "/api/v1/purchases/" + tenth + "/returns",
                Map.of("externalId", "whole-10", "items", List.of(Map.of("sku", "A", "quantity", 1))));
        assertThat(back.status()).as(back.toString()).isEqualTo(201);
        Api.Response first = api.post(key, "/api/v1/purchases/" + purchases.getFirst() + "/returns",
                Map.of("externalId", "whole-1", "items", List.of(Map.of("sku", "A", "quantity", 1))));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(codes(member)).containsExactly("tenth_visit", "first_visit");
        buy(member, "1000");
        buy(member, "1000");
        assertThat(codes(member)).containsExactly("tenth_visit", "first_visit");
        assertThat(badges(member, "?lang=en").get(0).path("earnedAt")).isEqualTo(earned.path("earnedAt"));
        assertThat(rows(member, "tenth_visit")).isEqualTo(1);
        assertThat(rows(member, "first_visit")).isEqualTo(1);
    }

    @Test
    void concurrentPurchasesGiveEachVisitBadgeExactlyOnce() throws Exception {
        String member = newMember(tenant);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(pool.submit(() -> new Api(port).post(key, "/api/v1/purchases", Map.of(
                    "externalId", UUID.randomUUID().toString(), "storeCode", "main", "member", Map.of("id", member),
                    "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "500")))).status()));
        }
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(201);
        }
        pool.shutdown();
        assertThat(codes(member)).containsExactlyInAnyOrder("first_visit", "tenth_visit");
        assertThat(rows(member, "first_visit")).isEqualTo(1);
        assertThat(rows(member, "tenth_visit")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT visits FROM points_account WHERE tenant_id = :t AND member_id = :m")
                .param("t", UUID.fromString(tenant.id())).param("m", UUID.fromString(member))
                .query(Integer.class).single()).isEqualTo(16);
    }

    @Test
    void movingUpALevelGivesItsBadgeAndMovingDownGivesNone() {
        Api.Response ladder = api.put(key, "/api/v1/tiers", json("metric", "spend", "window", json("type", "lifetime"),
                "graceDays", 0, "levels", List.of(json("code", "base", "name", "База", "threshold", "0"),
                        json("code", "silver", "name", "Серебро", "threshold", "5000.00"),
                        json("code", "vip", "name", "VIP", "manual", true))));
        assertThat(ladder.status()).as(ladder.toString()).isEqualTo(200);
        String member = newMember(tenant);

        buy(member, "6000");
        JsonNode level = badge(member, "", "new_level_silver");
        assertThat(level.path("code").asString()).isEqualTo("new_level_silver");
        assertThat(level.path("name").asString()).isEqualTo("Новый уровень: Серебро");
        assertThat(level.path("source").asString()).isEqualTo("tier");
        assertThat(badge(member, "?lang=kk", "new_level_silver").path("name").asString())
                .isEqualTo("Жаңа деңгей: Серебро");
        assertThat(badge(member, "?lang=en", "new_level_silver").path("name").asString())
                .isEqualTo("New level: Серебро");

        clock.advance(Duration.ofMinutes(1));
        assertThat(api.put(key, "/api/v1/members/" + member + "/tier", Map.of("code", "vip", "reason", "friend"))
                .status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(api.put(key, "/api/v1/members/" + member + "/tier", Map.of("code", "base", "reason", "oops"))
                .status()).isEqualTo(200);
        // Newest first; the purchase's two badges share its instant and follow their codes.
        assertThat(codes(member)).containsExactly("new_level_vip", "first_visit", "new_level_silver");
    }

    @Test
    void anotherTenantsMemberIsNotFound() {
        String member = newMember(tenant);
        buy(member, "1000");
        TestTenant other = newTenant();
        assertProblem(api.get(other.adminKey(), "/api/v1/members/" + member + "/badges"), 404, "not_found");
        assertProblem(api.get(newKey(other, "pos"), "/api/v1/members/" + member + "/badges"), 404, "not_found");
        assertProblem(api.get(key, "/api/v1/members/" + UUID.randomUUID() + "/badges"), 404, "not_found");
        assertProblem(api.get(key, "/api/v1/members/not-a-uuid/badges"), 404, "not_found");
    }
}
