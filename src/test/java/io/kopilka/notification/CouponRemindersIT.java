package io.kopilka.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Coupon reminders end to end: an active coupon is reminded once, on the first day it expires within
 * {@code couponReminderDays} local days; a used one and one already expired are not.
 */
class CouponRemindersIT extends IntegrationTest {

    private TestTenant tenant;
    private String admin;

    private String reward(int validDays) {
        Api.Response r = api.post(admin, "/api/v1/rewards", Map.of("name", "Бесплатная стрижка", "names",
                Map.of("kk", "Тегін шаш қию", "en", "Free haircut"), "kind", "gift", "costPoints", 10,
                "couponValidDays", validDays));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    private String coupon(String member, String reward) {
        Api.Response r = api.post(admin, "/api/v1/members/" + member + "/redemptions", Map.of("rewardId", reward));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("coupon").path("code").asString();
    }

    private JsonNode run() {
        Api.Response r = api.post(admin, "/api/v1/jobs/coupon_reminders/run", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("job")).isEqualTo("coupon_reminders");
        return r.json();
    }

    private List<JsonNode> reminders(String member) {
        Api.Response r = api.get(admin, "/api/v1/notifications?kind=coupon_expiring&memberId=" + member);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }

    @Test
    void anActiveCouponIsRemindedOnceWhenItsExpiryComesWithinTheDays() {
        tenant = newTenant("KZT", "Asia/Almaty", "ru");
        admin = tenant.adminKey();
        assertThat(api.post(admin, "/api/v1/stores", Map.of("code", "main")).status()).isEqualTo(201);
        String member = newMember(tenant, Map.of("phone", randomPhone(),
                "email", "c-" + UUID.randomUUID() + "@example.kz", "consents", Map.of("email", true))).text("id");
        Api.Response seed = api.post(admin, "/api/v1/members/" + member + "/adjustments",
                Map.of("points", 100, "reason", "seed"));
        assertThat(seed.status()).as(seed.toString()).isEqualTo(201);
        String tenDays = reward(10);
        String kept = coupon(member, tenDays);
        String used = coupon(member, tenDays);
        coupon(member, reward(5));
        assertThat(api.post(admin, "/api/v1/coupons/" + used + "/use", null).status()).isEqualTo(200);

        // Issued on 22 November at 14:00 in Almaty: the five-day one expires on 27 November, the ten-day ones on
        // 2 December; each is reminded 3 local days before.
        assertThat(run().path("processed").asLong()).isZero();
        clock.advance(Duration.ofDays(3));
        JsonNode early = run();
        assertThat(early.path("processed").asLong()).as("only the five-day coupon").isEqualTo(1);
        assertThat(early.path("given").path("coupons").asLong()).isEqualTo(1);
        clock.advance(Duration.ofDays(3));
        assertThat(run().path("processed").asLong()).as("the ten-day ones are 4 days off").isZero();
        clock.advance(Duration.ofDays(1));
        JsonNode due = run();
        assertThat(due.path("processed").asLong()).as("the five-day coupon has expired; the used one is out")
                .isEqualTo(1);
        assertThat(due.path("given").path("coupons").asLong()).isEqualTo(1);
        assertThat(run().path("given").path("coupons").asLong()).as("a rerun reminds nobody twice").isZero();
        clock.advance(Duration.ofDays(1));
        JsonNode next = run();
        assertThat(next.path("processed").asLong()).isEqualTo(1);
        assertThat(next.path("given").path("coupons").asLong()).as("the next day: told already").isZero();

        List<JsonNode> told = reminders(member);
        assertThat(told).hasSize(2);
        JsonNode ten = told.getFirst();
        UUID couponId = jdbc.sql("SELECT id FROM coupon WHERE tenant_id = :t AND code = :code")
                .param("t", UUID.fromString(tenant.id())).param("code", kept.replace("-", ""))
                .query(UUID.class).single();
        assertThat(ten.path("occasion").asString()).isEqualTo("coupon-expiring:" + couponId);
        assertThat(ten.path("body").asString()).contains("Бесплатная стрижка").contains(kept).contains("2 декабря");
        assertThat(told).noneMatch(n -> n.path("body").asString().contains(used));
    }

    @Test
    void noRemindersWhenTheTenantSwitchedThemOff() {
        tenant = newTenant("KZT", "Asia/Almaty", "ru");
        admin = tenant.adminKey();
        Api.Response off = api.put(admin, "/api/v1/notifications/settings", Map.of("couponReminderDays", 0));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        JsonNode report = run();
        assertThat(report.path("processed").asLong()).isZero();
        assertThat(report.path("given").path("coupons").asLong()).isZero();
    }
}
