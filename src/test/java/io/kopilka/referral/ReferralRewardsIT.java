package io.kopilka.referral;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Referral rewards end to end: the friend's first purchase that reaches the qualifying spend gives both
 * their points (pending like an earning), once; the monthly cap, a self-referral and a whole return
 * before the points are available give nothing; the member's list says what came of each friend.
 */
class ReferralRewardsIT extends IntegrationTest {
    private TestTenant t;
    private int purchases;

    @BeforeEach
    void program() {
        t = newTenant();
        api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main"));
        setProgram(null);
    }

    private void setProgram(Integer cap) {
        Map<String, Object> referral = json("referrerPoints", 500, "refereePoints", 300, "qualifyingSpend", "3000.00",
                "maxRewardsPerReferrerPerMonth", cap);
        Api.Response r = api.put(t.adminKey(), "/api/v1/program", Map.of("pendingDays", 14, "referral", referral));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private Api.Response member(String referralCode, String email) {
        return newMember(t, json("phone", randomPhone(), "email", email, "referralCode", referralCode));
    }

    private Api.Response buy(String member, String price) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/purchases", Map.of("externalId", "p-" + purchases++,
                "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", price))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    /** The balance's two counts, as a purchase's answer has them. */
    private static JsonNode balanceOf(JsonNode balance) {
        return tools.jackson.databind.json.JsonMapper.shared().createObjectNode()
                .put("available", balance.path("available").asLong()).put("pending", balance.path("pending").asLong());
    }

    private JsonNode balance(String member) {
        return api.get(t.adminKey(), "/api/v1/members/" + member + "/balance").json();
    }

    private long referralEntries(String member) {
        return jdbc.sql("SELECT count(*) FROM ledger_entry WHERE tenant_id = :t AND member_id = :m AND type = 'referral'")
                .param("t", UUID.fromString(t.id())).param("m", UUID.fromString(member)).query(Long.class).single();
    }

    private JsonNode referrals(String member) {
        Api.Response r = api.get(t.adminKey(), "/api/v1/members/" + member + "/referrals");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private List<String> statuses(String referrer) {
        List<String> statuses = new ArrayList<>();
        referrals(referrer).path("invited").forEach(i -> statuses.add(i.path("status").asString()));
        return statuses;
    }

    @Test
    void theFirstQualifyingPurchaseRewardsBothPendingThenAvailable() {
        Api.Response aigerim = member(null, "aigerim@example.kz");
        String referrer = aigerim.text("id");
        String friend = member(aigerim.text("referralCode"), null).text("id");
        assertThat(statuses(referrer)).containsExactly("joined");

        Api.Response small = buy(friend, "2999.99");
        assertThat(small.json().path("messages")).isEmpty();
        assertThat(referralEntries(friend) + referralEntries(referrer)).isZero();

        Api.Response qualifying = buy(friend, "3000.00");
        assertThat(qualifying.json().path("messages").get(0).asString()).isEqualTo(
                "Вам — 300 баллов, другу, который вас пригласил, — 500 баллов. Спасибо, что вы с нами!");
        assertThat(balance(friend).path("pending").asLong()).isEqualTo(300);
        assertThat(balance(friend).path("available").asLong()).isZero();
        // The answer's balance is the one after the bonus, as the balance endpoint says.
        assertThat(qualifying.json().path("balance").toString()).isEqualTo(balanceOf(balance(friend)).toString());
        assertThat(balance(referrer).path("pending").asLong()).isEqualTo(500);
        JsonNode history = api.get(t.adminKey(), "/api/v1/members/" + referrer + "/history").json().path("items");
        assertThat(history.get(0).path("type").asString()).isEqualTo("referral");
        assertThat(history.get(0).path("note").asString()).isEqualTo("Бонус за приглашённого друга");
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + friend + "/history?lang=kk").json().path("items")
                .get(0).path("note").asString()).isEqualTo("Шақыру бойынша қосылғаныңыз үшін бонус");

        Api.Response next = buy(friend, "5000");
        assertThat(next.json().path("messages")).as("once per friend").isEmpty();
        assertThat(referralEntries(friend)).isEqualTo(1);

        clock.advance(Duration.ofDays(14));
        assertThat(balance(friend).path("available").asLong()).isEqualTo(300);
        assertThat(balance(referrer).path("available").asLong()).isEqualTo(500);
        JsonNode list = referrals(referrer);
        assertThat(list.path("code").asString()).isEqualTo(aigerim.text("referralCode"));
        assertThat(list.path("link").asString()).matches("/w/[a-z0-9-]+/join\\?ref=" + aigerim.text("referralCode"));
        assertThat(list.path("invited").get(0).path("memberId").asString()).isEqualTo(friend);
        assertThat(list.path("invited").get(0).path("status").asString()).isEqualTo("rewarded");
        assertThat(list.path("pointsEarned").asLong()).isEqualTo(500);
        assertThat(referrals(friend).path("invited")).isEmpty();
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void overTheMonthlyCapTheLinkStaysAndGivesNothingUntilNextMonth() {
        setProgram(1);
        Api.Response referrer = member(null, null);
        String code = referrer.text("referralCode");
        String first = member(code, null).text("id");
        String second = member(code, null).text("id");
        String third = member(code, null).text("id");

        assertThat(buy(first, "3000").json().path("messages")).hasSize(1);
        assertThat(buy(second, "3000").json().path("messages")).as("capped: nothing said").isEmpty();
        assertThat(referralEntries(second)).isZero();
        assertThat(buy(second, "3000").json().path("messages")).as("a capped link stays capped").isEmpty();

        // 1 December in Almaty begins at 30 November 19:00 UTC.
        clock.set(Instant.parse("2026-11-30T19:00:00Z"));
        assertThat(buy(third, "3000").json().path("messages")).hasSize(1);
        assertThat(referralEntries(third)).isEqualTo(1);
        assertThat(statuses(referrer.text("id"))).containsExactly("rewarded", "capped", "rewarded");
        assertThat(referrals(referrer.text("id")).path("pointsEarned").asLong()).isEqualTo(1000);
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void theReferrersOwnEmailInAnyCaseGivesNothing() {
        Api.Response referrer = member(null, "Aigerim@Example.kz");
        String friend = member(referrer.text("referralCode"), "aigerim@EXAMPLE.KZ").text("id");
        assertThat(buy(friend, "4000").json().path("messages")).isEmpty();
        assertThat(referralEntries(friend) + referralEntries(referrer.text("id"))).isZero();
        assertThat(statuses(referrer.text("id"))).containsExactly("self_referral");
        assertThat(referrals(referrer.text("id")).path("pointsEarned").asLong()).isZero();
    }

    @Test
    void aWholeReturnBeforeThePointsAreAvailableCancelsBothAfterItKeepsThem() {
        Api.Response referrer = member(null, null);
        String r = referrer.text("id");
        String early = member(referrer.text("referralCode"), null).text("id");
        String late = member(referrer.text("referralCode"), null).text("id");
        String earlyPurchase = buy(early, "3000").text("id");
        String latePurchase = buy(late, "3000").text("id");
        assertThat(balance(r).path("pending").asLong()).isEqualTo(1000);

        clock.advance(Duration.ofDays(13));
        Api.Response returned = api.post(t.adminKey(), "/api/v1/purchases/" + earlyPurchase + "/returns",
                Map.of("externalId", "r-early", "items", List.of(Map.of("sku", "A", "quantity", 1))));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(201);
        assertThat(balance(early).path("pending").asLong() + balance(early).path("available").asLong()).isZero();
        assertThat(balance(r).path("pending").asLong()).isEqualTo(500);

        clock.advance(Duration.ofDays(1));
        Api.Response kept = api.post(t.adminKey(), "/api/v1/purchases/" + latePurchase + "/returns",
                Map.of("externalId", "r-late", "items", List.of(Map.of("sku", "A", "quantity", 1))));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(201);
        assertThat(balance(late).path("available").asLong()).isEqualTo(300);
        assertThat(balance(r).path("available").asLong()).isEqualTo(500);
        assertThat(statuses(r)).containsExactly("rewarded", "cancelled");
        assertThat(referrals(r).path("pointsEarned").asLong()).isEqualTo(500);
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void concurrentPurchasesOfTheFriendRewardItOnce() throws Exception {
        Api.Response referrer = member(null, null);
        String friend = member(referrer.text("referralCode"), null).text("id");
        List<CompletableFuture<Api.Response>> buys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            buys.add(CompletableFuture.supplyAsync(() -> buy(friend, "3000")));
        }
        long said = 0;
        for (CompletableFuture<Api.Response> b : buys) {
            said += b.get().json().path("messages").size();
        }
        assertThat(said).isEqualTo(1);
        assertThat(referralEntries(friend)).isEqualTo(1);
        assertThat(referralEntries(referrer.text("id"))).isEqualTo(1);
        assertThat(balance(referrer.text("id")).path("pending").asLong()).isEqualTo(500);
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void concurrentFriendsOfOneReferrerStayWithinTheCap() throws Exception {
        setProgram(2);
        Api.Response referrer = member(null, null);
        List<String> friends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            friends.add(member(referrer.text("referralCode"), null).text("id"));
        }
        List<CompletableFuture<Api.Response>> buys = friends.stream()
                .map(f -> CompletableFuture.supplyAsync(() -> buy(f, "3000"))).toList();
        for (CompletableFuture<Api.Response> b : buys) {
            b.get();
        }
        assertThat(referralEntries(referrer.text("id"))).isEqualTo(2);
        assertThat(statuses(referrer.text("id"))).filteredOn("capped"::equals).hasSize(3);
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void anErasedReferrerGetsNothingAndTheFriendStillDoes() {
        Api.Response referrer = member(null, "aigerim@example.kz");
        String friend = member(referrer.text("referralCode"), "aigerim@example.kz").text("id");
        assertThat(api.delete(t.adminKey(), "/api/v1/members/" + referrer.text("id")).status()).isEqualTo(204);

        Api.Response r = buy(friend, "3000");
        assertThat(r.json().path("messages").get(0).asString()).isEqualTo(
                "Вам — 300 баллов за вступление по приглашению. Спасибо, что вы с нами!");
        assertThat(referralEntries(referrer.text("id"))).isZero();
        assertThat(balance(friend).path("pending").asLong()).isEqualTo(300);
        JsonNode list = referrals(referrer.text("id"));
        assertThat(list.path("link").isNull()).isTrue();
        assertThat(list.path("invited").get(0).path("status").asString()).isEqualTo("rewarded");
        assertThat(list.path("pointsEarned").asLong()).isZero();
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void anotherTenantsMemberIsNotFoundAndAProgramWithoutPointsGivesNothing() {
        Api.Response referrer = member(null, null);
        TestTenant other = newTenant();
        assertProblem(api.get(other.adminKey(), "/api/v1/members/" + referrer.text("id") + "/referrals"), 404,
                "not_found");
        assertProblem(api.get(other.adminKey(), "/api/v1/members/not-an-id/referrals"), 404, "not_found");

        Api.Response off = api.put(t.adminKey(), "/api/v1/program", Map.of("referral",
                Map.of("referrerPoints", 0, "refereePoints", 0, "qualifyingSpend", "0")));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        String friend = member(referrer.text("referralCode"), null).text("id");
        assertThat(buy(friend, "100000").json().path("messages")).isEmpty();
        assertThat(statuses(referrer.text("id"))).containsExactly("joined");
    }

    @Test
    void theCapIsValidatedAndReadBack() {
        for (int bad : List.of(0, -1, 10_001)) {
            Api.Response r = api.put(t.adminKey(), "/api/v1/program", Map.of("referral",
                    Map.of("referrerPoints", 1, "refereePoints", 1, "qualifyingSpend", "1", "maxRewardsPerReferrerPerMonth", bad)));
            assertProblem(r, 422, "validation_failed");
        }
        setProgram(10);
        JsonNode program = api.get(t.adminKey(), "/api/v1/program").json();
        assertThat(program.path("referral").path("maxRewardsPerReferrerPerMonth").asInt()).isEqualTo(10);
        setProgram(null);
        assertThat(api.get(t.adminKey(), "/api/v1/program").json().path("referral")
                .path("maxRewardsPerReferrerPerMonth").isNull()).isTrue();
    }
}
