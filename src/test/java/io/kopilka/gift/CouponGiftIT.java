package io.kopilka.gift;

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
 * Coupons given as gifts, through the reward module's {@code Coupons}: a pos key only of the listed
 * rewards, an admin key of any; the coupon's source is {@code gift}; no points move.
 */
class CouponGiftIT extends IntegrationTest {
    private TestTenant t;
    private String admin;
    private String pos;
    private String member;
    private String listed;
    private String unlisted;

    @BeforeEach
    void catalog() {
        t = newTenant();
        admin = t.adminKey();
        pos = newKey(t, "pos");
        member = newMember(t);
        listed = reward("Бесплатный кофе");
        unlisted = reward("Семейный ужин");
        assertThat(api.put(admin, "/api/v1/program", Map.of("staffGifts", Map.of("pointsPerKeyPerDay", 0,
                "rewardIds", List.of(listed)))).status()).isEqualTo(200);
    }

    private String reward(String name) {
        Api.Response r = api.post(admin, "/api/v1/rewards", Map.of("name", name, "kind", "gift",
                "couponValidDays", 30));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    private long audited(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE tenant_id = :t AND action = :a")
                .param("t", UUID.fromString(t.id())).param("a", action).query(Long.class).single();
    }

    @Test
    void aPosKeyGivesACouponOfAListedRewardWithSourceGift() {
        Api.Response r = api.post(pos, "/api/v1/members/" + member + "/gifts",
                Map.of("rewardId", listed, "reason", "день рождения", "note", "без сахара"), "c-1");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("entry").isNull()).isTrue();
        assertThat(r.json().path("coupon").path("rewardId").asString()).isEqualTo(listed);
        String code = r.json().path("coupon").path("code").asString();
        assertThat(code).isNotBlank();
        assertThat(r.json().path("balance").path("available").asLong()).as("no points move").isZero();

        Api.Response again = api.post(pos, "/api/v1/members/" + member + "/gifts",
                Map.of("rewardId", listed, "reason", "день рождения", "note", "без сахара"), "c-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(r.json());

        JsonNode coupon = api.get(admin, "/api/v1/coupons/" + code).json();
        assertThat(coupon.path("source").asString()).isEqualTo("gift");
        assertThat(coupon.path("memberId").asString()).isEqualTo(member);
        assertThat(audited("coupon.gifted")).isEqualTo(1);
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void aPosKeyMayNotGiveAnUnlistedRewardButAnAdminMay() {
        assertProblem(api.post(pos, "/api/v1/members/" + member + "/gifts",
                Map.of("rewardId", unlisted, "reason", "x")), 403, "gift_not_allowed");
        assertThat(audited("coupon.gifted")).isZero();
        Api.Response r = api.post(admin, "/api/v1/members/" + member + "/gifts",
                Map.of("rewardId", unlisted, "reason", "постоянный гость"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(audited("coupon.gifted")).isEqualTo(1);
    }

    @Test
    void anUnknownRewardIsNotFoundAndWritesNothing() {
        assertProblem(api.post(admin, "/api/v1/members/" + member + "/gifts",
                Map.of("rewardId", UUID.randomUUID().toString(), "reason", "x")), 404, "not_found");
        assertThat(audited("coupon.gifted")).isZero();
    }
}
