package io.kopilka.reward;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.LedgerInvariant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Coupons by their code: read in any form, handed over, cancelled with a refund, expired by the job. */
class CouponIT extends RewardFixture {
    @Autowired
    CouponExpiry expiry;

    @BeforeEach
    void setUp() {
        tenantWithStore();
    }

    @AfterEach
    void invariant() {
        LedgerInvariant.check(jdbc, tenantId());
    }

    @Test
    void aCodeIsFoundInAnyCaseWithOrWithoutDashesAndOnlyInItsTenant() {
        String reward = createReward(reward("gift", "costPoints", 10));
        String member = memberWith(100);
        String code = redeemed(member, reward);
        String pos = newKey(tenant, "pos");
        for (String typed : List.of(code, code.toLowerCase(), code.replace("-", ""), code.replace("-", " "))) {
            Api.Response r = api.get(pos, "/api/v1/coupons/" + typed.replace(" ", "%20"));
            assertThat(r.status()).as(typed + " " + r).isEqualTo(200);
            assertThat(r.text("code")).isEqualTo(code);
        }
        TestTenant other = newTenant();
        assertProblem(api.get(other.adminKey(), "/api/v1/coupons/" + code), 404, "not_found");
        assertProblem(api.post(other.adminKey(), "/api/v1/coupons/" + code + "/use", null), 404, "not_found");
        assertProblem(api.post(other.adminKey(), "/api/v1/coupons/" + code + "/cancel", null), 404, "not_found");
        assertProblem(api.get(other.adminKey(), "/api/v1/members/" + member + "/coupons"), 404, "not_found");
        assertProblem(api.get(admin, "/api/v1/coupons/NOPE"), 404, "not_found");
        assertThat(api.get(admin, "/api/v1/coupons/" + code).text("status")).isEqualTo("active");
    }

    @Test
    void aGiftIsHandedOverOnceAndADiscountOnlyAtCheckout() {
        String gift = createReward(reward("gift", "costPoints", 10));
        String discount = createReward(reward("percent_off", "percent", "10", "costPoints", 10));
        String member = memberWith(100);
        String pos = newKey(tenant, "pos");
        String giftCode = redeemed(member, gift);
        Api.Response used = api.post(pos, "/api/v1/coupons/" + giftCode.toLowerCase() + "/use", null);
        assertThat(used.status()).as(used.toString()).isEqualTo(200);
        assertThat(used.text("status")).isEqualTo("used");
        invalid(api.post(pos, "/api/v1/coupons/" + giftCode + "/use", null), "used");
        String discountCode = redeemed(member, discount);
        invalid(api.post(pos, "/api/v1/coupons/" + discountCode + "/use", null), "use_at_checkout");
        assertThat(api.get(pos, "/api/v1/coupons/" + discountCode).text("status")).isEqualTo("active");
    }

    @Test
    void cancellingGivesThePointsBackOnceAndIsTheAdminsOnly() {
        String reward = createReward(reward("gift", "costPoints", 300, "stock", 3));
        String member = memberWith(500);
        String code = redeemed(member, reward);
        assertThat(available(member)).isEqualTo(200);
        String pos = newKey(tenant, "pos");
        assertProblem(api.post(pos, "/api/v1/coupons/" + code + "/cancel", Map.of("reason", "x")), 403, "forbidden");
        assertThat(available(member)).isEqualTo(200);

        Api.Response cancelled = api.post(admin, "/api/v1/coupons/" + code + "/cancel",
                Map.of("reason", "bought by mistake"), "cancel-1");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        assertThat(api.post(admin, "/api/v1/coupons/" + code + "/cancel", Map.of("reason", "bought by mistake"),
                "cancel-1").json()).isEqualTo(cancelled.json());
        assertThat(available(member)).isEqualTo(500);
        assertThat(api.get(admin, "/api/v1/rewards/" + reward).json().path("stockLeft").asLong()).isEqualTo(3);
        JsonNode entry = api.get(admin, "/api/v1/members/" + member + "/history").json().path("items").get(0);
        assertThat(entry.path("type").asString()).isEqualTo("refund");
        assertThat(entry.path("points").asLong()).isEqualTo(300);
        assertThat(entry.path("note").asString()).isEqualTo("Купон «Бесплатная стрижка» отменён, баллы вернулись");
        String reason = jdbc.sql("SELECT reason FROM audit_entry WHERE tenant_id = :t AND action = 'coupon.cancelled'")
                .param("t", tenantId()).query(String.class).single();
        assertThat(reason).isEqualTo("bought by mistake");

        invalid(api.post(admin, "/api/v1/coupons/" + code + "/cancel", null), "cancelled");
        assertInvalid(api.post(admin, "/api/v1/coupons/" + code + "/cancel", Map.of("reason", "x".repeat(201))),
                "reason");
        assertThat(available(member)).isEqualTo(500);
    }

    @Test
    void aMembersCouponsArePagedNewestFirstAndFilteredByStatus() {
        String reward = createReward(reward("gift", "costPoints", 10, "couponValidDays", 10));
        String member = memberWith(100);
        String first = redeemed(member, reward);
        clock.advance(Duration.ofMinutes(1));
        String second = redeemed(member, reward);
        clock.advance(Duration.ofMinutes(1));
        String third = redeemed(member, reward);
        api.post(admin, "/api/v1/coupons/" + second + "/use", null);
        Api.Response page = api.get(admin, "/api/v1/members/" + member + "/coupons?limit=2");
        assertThat(codes(page)).containsExactly(third, second);
        assertThat(codes(api.get(admin, "/api/v1/members/" + member + "/coupons?limit=2&cursor="
                + page.text("nextCursor")))).containsExactly(first);
        assertThat(codes(api.get(admin, "/api/v1/members/" + member + "/coupons?status=used"))).containsExactly(second);
        assertThat(codes(api.get(admin, "/api/v1/members/" + member + "/coupons?status=active")))
                .containsExactly(third, first);
        clock.advance(Duration.ofDays(10));
        assertThat(codes(api.get(admin, "/api/v1/members/" + member + "/coupons?status=expired")))
                .containsExactly(third, first);
        assertThat(codes(api.get(admin, "/api/v1/members/" + member + "/coupons?status=active"))).isEmpty();
        assertInvalid(api.get(admin, "/api/v1/members/" + member + "/coupons?status=lost"), "status");
    }

    @Test
    void theExpiryJobGivesBackThePointsOfUnusedCouponsOnce() throws Exception {
        String refunding = createReward(reward("gift", "costPoints", 200, "couponValidDays", 7));
        String keeping = createReward(reward("gift", "costPoints", 100, "couponValidDays", 7, "refundOnExpiry", false));
        String member = memberWith(1000);
        String refunded = redeemed(member, refunding);
        String used = redeemed(member, refunding);
        String kept = redeemed(member, keeping);
        api.post(admin, "/api/v1/coupons/" + used + "/use", null);
        assertThat(available(member)).isEqualTo(500);

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        // The job spans tenants, and other tests' coupons may be due at this moment: look at this one's.
        expiry.expireDue(clock.instant());
        assertThat(api.get(admin, "/api/v1/coupons/" + refunded).text("status")).isEqualTo("active");
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.get(admin, "/api/v1/coupons/" + refunded).text("status")).isEqualTo("expired");
        var a = CompletableFuture.supplyAsync(() -> expiry.expireDue(clock.instant()));
        var b = CompletableFuture.supplyAsync(() -> expiry.expireDue(clock.instant()));
        int expired = a.get() + b.get() + expiry.expireDue(clock.instant());
        assertThat(expired).isGreaterThanOrEqualTo(2);
        assertThat(available(member)).isEqualTo(700);
        assertThat(jdbc.sql("SELECT status FROM coupon WHERE tenant_id = :t ORDER BY issued_at, id")
                .param("t", tenantId()).query(String.class).list()).containsExactlyInAnyOrder("expired", "used",
                "expired");
        JsonNode entry = api.get(admin, "/api/v1/members/" + member + "/history").json().path("items").get(0);
        assertThat(entry.path("type").asString()).isEqualTo("refund");
        assertThat(entry.path("note").asString())
                .isEqualTo("Баллы за неиспользованный купон «Бесплатная стрижка» вернулись");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE tenant_id = :t AND type = 'refund'")
                .param("t", tenantId()).query(Long.class).single()).isEqualTo(1);
        invalid(api.post(admin, "/api/v1/coupons/" + kept + "/use", null), "expired");
    }

    private static List<String> codes(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("items").valueStream().map(i -> i.path("code").asString()).toList();
    }

    private static void invalid(Api.Response r, String reason) {
        assertProblem(r, 422, "coupon_invalid");
        assertThat(r.json().path("reason").asString()).as(r.toString()).isEqualTo(reason);
    }
}
