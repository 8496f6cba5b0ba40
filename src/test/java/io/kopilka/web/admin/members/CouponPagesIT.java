package io.kopilka.web.admin.members;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A coupon found by its code as read out, and cancelled: a bought one gives its points back. */
class CouponPagesIT extends IntegrationTest {

    private record Bought(String member, String code) {
    }

    private Bought bought(TestTenant t) {
        String reward = api.post(t.adminKey(), "/api/v1/rewards", Map.of("name", "Кофе в подарок", "kind", "gift",
                "costPoints", 40)).text("id");
        String member = newMember(t);
        api.post(t.adminKey(), "/api/v1/members/" + member + "/adjustments", Map.of("points", 100, "reason", "seed"));
        Api.Response r = api.post(t.adminKey(), "/api/v1/members/" + member + "/redemptions", Map.of("rewardId", reward));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Bought(member, r.json().path("coupon").path("code").asString());
    }

    private long available(TestTenant t, String member) {
        return api.get(t.adminKey(), "/api/v1/members/" + member + "/balance").json().path("available").asLong();
    }

    @Test
    void aCodeTypedInSmallLettersWithoutDashesFindsTheCouponItsRewardMemberAndExpiry() {
        TestTenant t = newTenant();
        Bought coupon = bought(t);
        Screens manager = Screens.signedIn(port, t.adminKey(), "manager", null);
        assertThat(manager.get("/admin/coupons").status()).isEqualTo(200);
        String typed = coupon.code().replace("-", "").toLowerCase(Locale.ROOT);
        Screens.Page found = manager.get("/admin/coupons?code=" + typed);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.html().select("#coupon-h").text()).isEqualTo(coupon.code());
        assertThat(found.text()).contains("Кофе в подарок", "действует");
        assertThat(found.html().select("a[href=/admin/members/" + coupon.member() + "]")).hasSize(1);
        assertThat(manager.hxGet("/admin/coupons?code=" + typed).html().select(".sidebar")).isEmpty();

        Screens.Page none = manager.get("/admin/coupons?code=ZZZZ-ZZZZ-ZZZZ");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.html().select(".notice.warn")).hasSize(1);
    }

    @Test
    void cancellingGivesThePointsBackOnceAndATooLongReasonWritesNothing() {
        TestTenant t = newTenant();
        Bought coupon = bought(t);
        assertThat(available(t, coupon.member())).isEqualTo(60);
        Screens owner = Screens.signedIn(port, t.adminKey(), "owner", null);
        owner.get("/admin/coupons?code=" + coupon.code());

        Screens.Page tooLong = owner.post("/admin/coupons/" + coupon.code() + "/cancel", Map.of("reason", "я".repeat(201)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.html().select(".field.invalid #cancel-reason")).hasSize(1);
        assertThat(api.get(t.adminKey(), "/api/v1/coupons/" + coupon.code()).text("status")).isEqualTo("active");

        Screens.Page cancelled = owner.post("/admin/coupons/" + coupon.code() + "/cancel",
                Map.of("reason", "клиент передумал"));
        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(owner.follow(cancelled).html().select(".notice.ok")).hasSize(1);
        assertThat(api.get(t.adminKey(), "/api/v1/coupons/" + coupon.code()).text("status")).isEqualTo("cancelled");
        assertThat(available(t, coupon.member())).isEqualTo(100);

        Screens.Page again = owner.hxPost("/admin/coupons/" + coupon.code() + "/cancel", Map.of("reason", ""));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.html().select(".notice.bad")).hasSize(1);
        assertThat(available(t, coupon.member())).isEqualTo(100);
    }

    @Test
    void anotherTenantsCouponIsNotFoundAndACancelWithoutTheTokenIsRefused() {
        TestTenant mine = newTenant();
        TestTenant theirs = newTenant();
        Bought their = bought(theirs);
        Screens owner = Screens.signedIn(port, mine.adminKey(), "owner", null);
        assertThat(owner.get("/admin/coupons?code=" + their.code()).status()).isEqualTo(404);
        assertThat(owner.post("/admin/coupons/" + their.code() + "/cancel", Map.of("reason", "")).status())
                .isEqualTo(404);
        Bought own = bought(mine);
        assertThat(owner.postExactly("/admin/coupons/" + own.code() + "/cancel", Map.of("reason", ""), false).status())
                .isEqualTo(403);
        assertThat(api.get(theirs.adminKey(), "/api/v1/coupons/" + their.code()).text("status")).isEqualTo("active");
        assertThat(api.get(mine.adminKey(), "/api/v1/coupons/" + own.code()).text("status")).isEqualTo("active");
    }
}
