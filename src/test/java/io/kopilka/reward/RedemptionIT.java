package io.kopilka.reward;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.LedgerInvariant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Buying a reward for points: a coupon, the points and one of the stock at once, or nothing at all. */
class RedemptionIT extends RewardFixture {
    private static final int THREADS = 32;

    @BeforeEach
    void setUp() {
        tenantWithStore();
    }

    @AfterEach
    void invariant() {
        LedgerInvariant.check(jdbc, tenantId());
    }

    @Test
    void aRedemptionGivesACouponSpendsThePointsAndTakesOneFromTheStock() {
        String reward = createReward(reward("experience", "costPoints", 3000, "stock", 20, "couponValidDays", 30));
        String member = memberWith(5000);
        String pos = newKey(tenant, "pos");
        Api.Response r = api.post(pos, "/api/v1/members/" + member + "/redemptions",
                Map.of("rewardId", reward, "note", "Столик у окна"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("pointsSpent").asLong()).isEqualTo(3000);
        assertThat(r.json().path("balance").path("available").asLong()).isEqualTo(2000);
        assertThat(r.json().path("balance").path("pending").asLong()).isZero();
        JsonNode coupon = r.json().path("coupon");
        assertThat(coupon.path("code").asString()).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
        assertThat(coupon.path("rewardId").asString()).isEqualTo(reward);
        assertThat(coupon.path("memberId").asString()).isEqualTo(member);
        assertThat(coupon.path("kind").asString()).isEqualTo("experience");
        assertThat(coupon.path("status").asString()).isEqualTo("active");
        assertThat(coupon.path("source").asString()).isEqualTo("redemption");
        assertThat(coupon.path("note").asString()).isEqualTo("Столик у окна");
        assertThat(coupon.path("rewardName").asString()).isEqualTo("Бесплатная стрижка");
        assertThat(coupon.path("usedInPurchaseId").isNull()).isTrue();
        assertThat(java.time.OffsetDateTime.parse(coupon.path("expiresAt").asString()).toInstant())
                .isEqualTo(START.plus(Duration.ofDays(30)));
        assertThat(api.get(admin, "/api/v1/rewards/" + reward).json().path("stockLeft").asLong()).isEqualTo(19);
        assertThat(available(member)).isEqualTo(2000);

        JsonNode entry = api.get(admin, "/api/v1/members/" + member + "/history").json().path("items").get(0);
        assertThat(entry.path("type").asString()).isEqualTo("reward");
        assertThat(entry.path("points").asLong()).isEqualTo(-3000);
        assertThat(entry.path("note").asString()).isEqualTo("Обмен на «Бесплатная стрижка»");
        assertThat(api.get(admin, "/api/v1/members/" + member + "/history?lang=kk").json().path("items").get(0)
                .path("note").asString()).isEqualTo("«Тегін шаш қию» сыйлығына айырбас");
        assertThat(api.get(admin, "/api/v1/members/" + member + "/history?lang=en").json().path("items").get(0)
                .path("note").asString()).isEqualTo("Exchanged for “Free haircut”");
    }

    @Test
    void eachRefusalWritesNothing() {
        String member = memberWith(100);
        String archived = createReward(reward("gift", "costPoints", 10));
        api.delete(admin, "/api/v1/rewards/" + archived);
        String notForSale = createReward(reward("gift"));
        String later = createReward(reward("gift", "costPoints", 10, "validFrom", "2027-01-01T00:00:00+05:00"));
        String over = createReward(reward("gift", "costPoints", 10, "validTo", "2026-11-01T00:00:00+05:00"));
        String gold = createReward(reward("gift", "costPoints", 10, "tiers", List.of("gold")));
        String once = createReward(reward("gift", "costPoints", 10, "perMemberLimit", 1));
        String none = createReward(reward("gift", "costPoints", 10, "stock", 0));
        String dear = createReward(reward("gift", "costPoints", 1000));
        redeemed(member, once);

        List<Object> before = written();
        notAvailable(redeem(admin, member, archived), "archived");
        notAvailable(redeem(admin, member, notForSale), "not_for_sale");
        notAvailable(redeem(admin, member, later), "not_started");
        notAvailable(redeem(admin, member, over), "ended");
        notAvailable(redeem(admin, member, gold), "tier_not_allowed");
        notAvailable(redeem(admin, member, once), "limit_reached");
        assertProblem(redeem(admin, member, none), 409, "out_of_stock");
        Api.Response poor = assertProblem(redeem(admin, member, dear), 409, "insufficient_points");
        assertThat(poor.json().path("available").asLong()).isEqualTo(90);
        assertProblem(redeem(admin, member, java.util.UUID.randomUUID().toString()), 404, "not_found");
        assertProblem(redeem(admin, java.util.UUID.randomUUID().toString(), dear), 404, "not_found");
        assertInvalid(api.post(admin, "/api/v1/members/" + member + "/redemptions", Map.of()), "rewardId");
        assertInvalid(api.post(admin, "/api/v1/members/" + member + "/redemptions",
                Map.of("rewardId", dear, "note", "x".repeat(1001))), "note");
        assertThat(written()).isEqualTo(before);
        assertThat(api.get(admin, "/api/v1/rewards/" + dear).json().path("stockLeft").isNull()).isTrue();

        String erased = memberWith(100);
        assertThat(api.delete(admin, "/api/v1/members/" + erased).status()).isEqualTo(204);
        List<Object> beforeErased = written();
        assertProblem(redeem(admin, erased, once), 409, "member_erased");
        assertThat(written()).isEqualTo(beforeErased);
    }

    @Test
    void aLevelThatIsAllowedMayBuy() {
        Api.Response ladder = api.put(admin, "/api/v1/tiers", json("metric", "spend", "window",
                json("type", "rolling_months", "months", 12), "graceDays", 30, "levels", List.of(
                        json("code", "base", "name", "Base", "threshold", "0"),
                        json("code", "gold", "name", "Gold", "manual", true))));
        assertThat(ladder.status()).as(ladder.toString()).isEqualTo(200);
        String gold = createReward(reward("gift", "costPoints", 10, "tiers", List.of("gold")));
        String member = memberWith(100);
        notAvailable(redeem(admin, member, gold), "tier_not_allowed");
        Api.Response set = api.put(admin, "/api/v1/members/" + member + "/tier", Map.of("code", "gold",
                "reason", "VIP"));
        assertThat(set.status()).as(set.toString()).isIn(200, 201);
        assertThat(redeem(admin, member, gold).status()).isEqualTo(201);
    }

    @Test
    void aRetryWithTheSameKeyRedeemsOnce() {
        String reward = createReward(reward("gift", "costPoints", 10, "stock", 5));
        String member = memberWith(100);
        Map<String, String> body = Map.of("rewardId", reward);
        Api.Response first = api.post(admin, "/api/v1/members/" + member + "/redemptions", body, "buy-1");
        Api.Response again = api.post(admin, "/api/v1/members/" + member + "/redemptions", body, "buy-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(rows("coupon")).isEqualTo(1);
        assertThat(available(member)).isEqualTo(90);
    }

    @Test
    void manyMembersAtOnceNeverOversellTheStock() throws Exception {
        String reward = createReward(reward("gift", "costPoints", 100, "stock", 5));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            members.add(memberWith(500));
        }
        List<Integer> statuses = race(i -> redeem(admin, members.get(i), reward));
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(5);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(THREADS - 5);
        assertThat(rows("coupon")).isEqualTo(5);
        assertThat(spent()).isEqualTo(5 * 100);
        assertThat(api.get(admin, "/api/v1/rewards/" + reward).json().path("stockLeft").asLong()).isZero();
    }

    @Test
    void oneMemberAtOnceBuysOnlyWhatTheirPointsPayFor() throws Exception {
        String reward = createReward(reward("gift", "costPoints", 100, "stock", 5));
        String member = memberWith(300);
        List<Integer> statuses = race(i -> redeem(admin, member, reward));
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(3);
        assertThat(rows("coupon")).isEqualTo(3);
        assertThat(spent()).isEqualTo(3 * 100);
        assertThat(available(member)).isZero();
        assertThat(api.get(admin, "/api/v1/rewards/" + reward).json().path("stockLeft").asLong()).isEqualTo(2);
    }

    private List<Integer> race(java.util.function.IntFunction<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                Api.Response r = f.get();
                assertThat(r.status()).as(r.toString()).isIn(201, 409);
                statuses.add(r.status());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private long spent() {
        return -jdbc.sql("SELECT coalesce(sum(points), 0) FROM ledger_entry WHERE tenant_id = :t AND type = 'reward'")
                .param("t", tenantId()).query(Long.class).single();
    }

    private static void notAvailable(Api.Response r, String reason) {
        assertProblem(r, 422, "reward_not_available");
        assertThat(r.json().path("reason").asString()).as(r.toString()).isEqualTo(reason);
    }
}
