package io.kopilka.wallet;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A member's goal: a reward or their own, its progress in the balance, and every refusal writing nothing. */
class GoalIT extends IntegrationTest {
    private TestTenant tenant;
    private String member;

    @BeforeEach
    void aMemberWith1200Points() {
        tenant = newTenant();
        member = newMember(tenant);
        assertThat(api.post(tenant.adminKey(), "/api/v1/members/" + member + "/adjustments",
                Map.of("points", 1200, "reason", "seed")).status()).isEqualTo(201);
    }

    private String reward(Map<String, Object> body) {
        Api.Response r = api.post(tenant.adminKey(), "/api/v1/rewards", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    private JsonNode goal() {
        return api.get(tenant.adminKey(), "/api/v1/members/" + member + "/balance").json().path("goal");
    }

    private long goalRows() {
        return jdbc.sql("SELECT COUNT(*) FROM member_goal WHERE tenant_id = :t")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single();
    }

    @Test
    void aGoalOfTheMembersOwnShowsItsProgress() {
        Api.Response set = api.put(tenant.adminKey(), "/api/v1/members/" + member + "/goal",
                Map.of("name", "Семейный ужин-сюрприз", "targetPoints", 15000));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("goal").path("name").asString()).isEqualTo("Семейный ужин-сюрприз");
        JsonNode goal = goal();
        assertThat(goal.path("targetPoints").asLong()).isEqualTo(15000);
        assertThat(goal.path("progress").asString()).isEqualTo("0.08");
        assertThat(goal.path("remaining").asLong()).isEqualTo(13800);
        assertThat(goal.path("rewardId").isNull()).isTrue();

        assertThat(api.delete(tenant.adminKey(), "/api/v1/members/" + member + "/goal").status()).isEqualTo(204);
        assertThat(goal().isNull() || goal().isMissingNode()).isTrue();
    }

    @Test
    void aRewardsGoalTakesItsNameInTheMembersLanguageAndItsPrice() {
        String haircut = reward(Map.of("name", "Бесплатная стрижка", "names", Map.of("en", "Free haircut"),
                "kind", "free_item", "costPoints", 1000, "itemFilter", Map.of("skus", java.util.List.of("HAIRCUT"))));
        Api.Response english = newMember(tenant, Map.of("phone", randomPhone(), "locale", "en"));
        String englishMember = english.text("id");
        api.post(tenant.adminKey(), "/api/v1/members/" + englishMember + "/adjustments",
                Map.of("points", 250, "reason", "seed"));
        Api.Response set = api.put(tenant.adminKey(), "/api/v1/members/" + englishMember + "/goal",
                Map.of("rewardId", haircut));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        JsonNode goal = set.json().path("goal");
        assertThat(goal.path("name").asString()).isEqualTo("Free haircut");
        assertThat(goal.path("targetPoints").asLong()).isEqualTo(1000);
        assertThat(goal.path("progress").asString()).isEqualTo("0.25");
        assertThat(goal.path("rewardId").asString()).isEqualTo(haircut);

        // Reached: progress stops at 1, nothing remains.
        api.put(tenant.adminKey(), "/api/v1/members/" + member + "/goal", Map.of("rewardId", haircut));
        assertThat(goal().path("progress").asString()).isEqualTo("1.00");
        assertThat(goal().path("remaining").asLong()).isZero();
    }

    @Test
    void refusedGoalsWriteNothing() {
        String notForSale = reward(Map.of("name", "Подарок", "kind", "gift"));
        String path = "/api/v1/members/" + member + "/goal";
        assertProblem(api.put(tenant.adminKey(), path, Map.of()), 422, "validation_failed");
        assertProblem(api.put(tenant.adminKey(), path, Map.of("rewardId", notForSale, "name", "x", "targetPoints", 5)),
                422, "validation_failed");
        assertProblem(api.put(tenant.adminKey(), path, Map.of("name", "x", "targetPoints", 0)), 422,
                "validation_failed");
        assertProblem(api.put(tenant.adminKey(), path, Map.of("name", " ", "targetPoints", 10)), 422,
                "validation_failed");
        assertProblem(api.put(tenant.adminKey(), path, Map.of("rewardId", notForSale)), 422, "reward_not_available");
        assertProblem(api.put(tenant.adminKey(), path, Map.of("rewardId", UUID.randomUUID().toString())), 404,
                "not_found");
        assertThat(goalRows()).isZero();
    }

    @Test
    void anotherTenantsMemberOrRewardIsNotFound() {
        TestTenant other = newTenant();
        String theirs = newMember(other);
        String path = "/api/v1/members/" + theirs + "/goal";
        assertProblem(api.put(tenant.adminKey(), path, Map.of("name", "x", "targetPoints", 10)), 404, "not_found");
        assertProblem(api.delete(tenant.adminKey(), path), 404, "not_found");
        Api.Response theirReward = api.post(other.adminKey(), "/api/v1/rewards", Map.of("name", "Их стрижка",
                "kind", "gift", "costPoints", 100));
        assertThat(theirReward.status()).as(theirReward.toString()).isEqualTo(201);
        assertProblem(api.put(tenant.adminKey(), "/api/v1/members/" + member + "/goal",
                Map.of("rewardId", theirReward.text("id"))), 404, "not_found");
        assertThat(goalRows()).isZero();
    }

    @Test
    void aPosKeySetsAGoalForTheMemberAtTheTill() {
        String pos = newKey(tenant, "pos");
        assertThat(api.put(pos, "/api/v1/members/" + member + "/goal", Map.of("name", "Велосипед",
                "targetPoints", 5000)).status()).isEqualTo(200);
        assertThat(goal().path("name").asString()).isEqualTo("Велосипед");
    }

    @Test
    void erasingTheMemberDropsTheirGoal() {
        api.put(tenant.adminKey(), "/api/v1/members/" + member + "/goal", Map.of("name", "Сюрприз жене",
                "targetPoints", 5000));
        assertThat(goalRows()).isOne();
        assertThat(api.delete(tenant.adminKey(), "/api/v1/members/" + member).status()).isIn(200, 204);
        assertThat(goalRows()).isZero();
    }
}
