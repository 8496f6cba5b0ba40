package io.kopilka.web.admin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The program settings page: every setting as a field, saved through the facade, refused at the field. */
class ProgramPageIT extends IntegrationTest {
    private TestTenant tenant;
    private Screens owner;

    @BeforeEach
    void signIn() {
        tenant = newTenant();
        owner = Screens.signedIn(port, tenant.adminKey(), "owner", null);
    }

    private JsonNode program() {
        return api.get(tenant.adminKey(), "/api/v1/program").json();
    }

    @Test
    void theOwnerSeesEverySettingGroupedWithHelpAndTheCurrentValues() {
        Screens.Page page = owner.get("/admin/program");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.html().select("h1")).hasSize(1);
        assertThat(page.html().select("fieldset.settings-group")).hasSizeGreaterThanOrEqualTo(6);
        for (String id : List.of("pointValue", "maxRedeemPercent", "minRedeemPoints", "pendingDays", "expiry-mode",
                "expiry-months", "expiryReminderDays", "welcomePoints", "birthdayPoints", "birthday-rewardId",
                "birthday-daysBefore", "birthday-couponValidDays", "referral-referrerPoints", "referral-refereePoints",
                "referral-qualifyingSpend", "referral-maxRewardsPerReferrerPerMonth", "winBack-afterDays",
                "winBack-points", "winBack-rewardId", "winBack-oncePerDays", "winBack-cadence",
                "staffGifts-pointsPerKeyPerDay", "maxBackdateDays")) {
            assertThat(page.html().select("label[for=" + id + "]")).as(id).hasSize(1);
            assertThat(page.html().getElementById(id + "-help")).as(id).isNotNull();
        }
        assertThat(page.html().getElementById("maxRedeemPercent").attr("value")).isEqualTo("30");
        assertThat(page.html().getElementById("expiryReminderDays").attr("value")).isEqualTo("30, 7");
    }

    @Test
    void savingChangesWhatTheApiShowsAndSaysSavedInPlace() {
        Map<String, String> form = Forms.values(owner.get("/admin/program").html(), "#program-form");
        form.put("pendingDays", "14");
        form.put("maxRedeemPercent", "25");
        form.put("expiry.mode", "after_earn");
        form.put("expiry.months", "12");
        form.put("expiryReminderDays", "30, 7, 1");
        form.put("referral.qualifyingSpend", "3 000,50");
        Screens.Page saved = owner.hxPost("/admin/program", form);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.html().select(".notice.ok")).hasSize(1);
        assertThat(saved.html().selectFirst("form#program-form")).isNotNull();

        JsonNode p = program();
        assertThat(p.path("pendingDays").asInt()).isEqualTo(14);
        assertThat(p.path("maxRedeemShare").asString()).isEqualTo("0.25");
        assertThat(p.path("expiry").path("mode").asString()).isEqualTo("after_earn");
        assertThat(p.path("expiryReminderDays").toString()).isEqualTo("[30,7,1]");
        assertThat(p.path("referral").path("qualifyingSpend").asString()).isEqualTo("3000.50");

        // Without JavaScript: a plain post, then the page again, saying so.
        form.put("welcomePoints", "300");
        Screens.Page redirect = owner.post("/admin/program", form);
        assertThat(redirect.status()).isEqualTo(302);
        Screens.Page again = owner.follow(redirect);
        assertThat(again.html().select(".notice.ok")).hasSize(1);
        assertThat(again.html().getElementById("welcomePoints").attr("value")).isEqualTo("300");
        assertThat(program().path("welcomePoints").asLong()).isEqualTo(300);
    }

    @Test
    void aBadValueIsShownAtItsFieldAndNothingIsWritten() {
        long version = program().path("version").asLong();
        Map<String, String> form = Forms.values(owner.get("/admin/program").html(), "#program-form");
        form.put("pendingDays", "two weeks");
        form.put("maxRedeemPercent", "150");
        form.put("expiry.mode", "after_earn");
        form.put("expiry.months", "500");
        Screens.Page refused = owner.post("/admin/program", form);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.html().select(".notice.bad")).hasSize(1);
        for (String id : List.of("pendingDays", "maxRedeemPercent", "expiry-months")) {
            assertThat(refused.html().getElementById(id).attr("aria-invalid")).as(id).isEqualTo("true");
            assertThat(refused.html().getElementById(id + "-error")).as(id).isNotNull();
            assertThat(refused.html().getElementById(id).parent().hasClass("invalid")).isTrue();
        }
        assertThat(refused.html().getElementById("maxRedeemPercent-error").text()).contains("100");
        // What was typed stays in the form, to be corrected.
        assertThat(refused.html().getElementById("pendingDays").attr("value")).isEqualTo("two weeks");
        assertThat(program().path("version").asLong()).isEqualTo(version);
        assertThat(program().path("pendingDays").asInt()).isZero();

        Screens.Page inPlace = owner.hxPost("/admin/program", form);
        assertThat(inPlace.status()).isEqualTo(422);
        assertThat(inPlace.html().selectFirst("form#program-form")).isNotNull();
        assertThat(inPlace.html().getElementById("pendingDays-error")).isNotNull();
    }

    @Test
    void aManagerMayNotOpenItAndAPostWithoutTheTokenIsRefused() {
        Screens manager = Screens.signedIn(port, tenant.adminKey(), "manager", null);
        assertThat(manager.get("/admin/program").status()).isEqualTo(403);
        Map<String, String> form = Forms.values(owner.get("/admin/program").html(), "#program-form");
        form.put("welcomePoints", "999");
        // A manager may not change the program: 403.
        assertThat(manager.post("/admin/program", form).status()).isEqualTo(403);
        // Refused by the CSRF filter: 403.
        assertThat(owner.postExactly("/admin/program", form, false).status()).isEqualTo(403);
        assertThat(program().path("welcomePoints").asLong()).isZero();
    }
}
