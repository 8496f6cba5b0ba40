package io.kopilka.web.admin.business;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import io.kopilka.testing.Screens.Page;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The owner's business pages over HTTP: each renders for the owner and is closed to a manager, each
 * action changes what the API then shows, bad input is shown at its field and writes nothing, another
 * business's ids answer 404, and a form without its CSRF token is refused.
 */
class BusinessPagesIT extends IntegrationTest {
    private static final String PUBLIC_URL = "https://93.184.215.14/hooks";
    private static final String BODY = "{{#name}}Рады вам, {{name}}!{{/name}}{{^name}}Рады вам!{{/name}}";
    private static final List<String> PAGES = List.of("/admin/notifications", "/admin/notifications/templates",
            "/admin/notifications/templates/welcome/kk/sms", "/admin/notifications/log",
            "/admin/notifications/mailbox", "/admin/webhooks", "/admin/api-keys", "/admin/staff", "/admin/audit");

    private Screens owner(TestTenant t) {
        return Screens.signedIn(port, t.adminKey(), "owner", null);
    }

    @Test
    void everyPageRendersForTheOwnerAndIsClosedToAManager() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        Screens manager = Screens.signedIn(port, t.adminKey(), "manager", null);
        for (String path : PAGES) {
            Page page = owner.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.html().select("h1")).as(path + ": one h1").hasSize(1);
            assertThat(page.body()).as(path).doesNotContain("??");
            assertThat(manager.get(path).status()).as("manager: " + path).isEqualTo(403);
        }
    }

    @Test
    void savedSettingsShowThroughTheApiAndABadNumberIsShownAtItsFieldWritingNothing() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        owner.get("/admin/notifications");
        Page bad = owner.post("/admin/notifications", settings("99"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.html().select(".field.invalid #maxMarketingPerWeek")).hasSize(1);
        assertThat(bad.html().selectFirst("#maxMarketingPerWeek-error").text()).isEqualTo("Число от 0 до 50.");
        assertThat(api.get(t.adminKey(), "/api/v1/notifications/settings").json().path("maxMarketingPerWeek").asInt())
                .isEqualTo(2);

        Page saved = owner.post("/admin/notifications", settings("5"));
        assertThat(saved.status()).isEqualTo(302);
        JsonNode s = api.get(t.adminKey(), "/api/v1/notifications/settings").json();
        assertThat(s.path("maxMarketingPerWeek").asInt()).isEqualTo(5);
        assertThat(s.path("quietHours").path("from").asString()).isEqualTo("22:00");
        assertThat(s.path("channelOrder").toString()).isEqualTo("[\"email\"]");
        assertThat(s.path("expiryReminderDays").toString()).isEqualTo("[14,3]");
        assertThat(s.path("disabledKinds").toString()).contains("balance");
        assertThat(owner.follow(saved).html().select(".notice.ok")).hasSize(1);
    }

    private static Map<String, String> settings(String cap) {
        return Map.ofEntries(Map.entry("email", "true"), Map.entry("sms", "true"), Map.entry("quietFrom", "22:00"),
                Map.entry("quietTo", "08:00"), Map.entry("expiryReminderDays", "14, 3"),
                Map.entry("balanceEveryDays", "30"), Map.entry("balanceMinPoints", "100"),
                Map.entry("maxMarketingPerWeek", cap), Map.entry("botUsername", ""), Map.entry("botToken", ""),
                Map.entry("channelOrder", "email"), Map.entry("expiryReminderMinPoints", "1"),
                Map.entry("couponReminderDays", "3"), Map.entry("sentKinds", "welcome"));
    }

    @Test
    void aTextIsOverriddenPreviewedForAMemberAndResetToTheDefault() {
        TestTenant t = newTenant();
        String phone = randomPhone();
        newMember(t, Map.of("phone", phone, "name", "Айгуль"));
        Screens owner = owner(t);
        String path = "/admin/notifications/templates/welcome/ru/sms";
        owner.get(path);
        Page broken = owner.post(path, Map.of("body", "{{#member.name}}Привет"));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.html().select(".notice.bad")).isNotEmpty();
        assertThat(api.get(t.adminKey(), "/api/v1/notifications/templates?kind=welcome&locale=ru&channel=sms").json()
                .path("items").get(0).path("custom").asBoolean()).isFalse();

        Page saved = owner.hxPost(path, Map.of("body", BODY));
        assertThat(saved.status()).isEqualTo(200);
        JsonNode stored = api.get(t.adminKey(), "/api/v1/notifications/templates?kind=welcome&locale=ru&channel=sms")
                .json().path("items").get(0);
        assertThat(stored.path("custom").asBoolean()).isTrue();
        assertThat(stored.path("body").asString()).isEqualTo(BODY);

        Page preview = owner.hxPost(path + "/preview", Map.of("body", BODY, "member", phone));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.html().selectFirst(".sms-text").text()).isEqualTo("Рады вам, Айгуль!");
        Page nobody = owner.hxPost(path + "/preview", Map.of("body", "x", "member", "+77000000000"));
        assertThat(nobody.html().select(".notice.bad")).hasSize(1);

        owner.get(path);
        assertThat(owner.post(path + "/reset", Map.of()).status()).isEqualTo(302);
        assertThat(api.get(t.adminKey(), "/api/v1/notifications/templates?kind=welcome&locale=ru&channel=sms").json()
                .path("items").get(0).path("custom").asBoolean()).isFalse();
    }

    @Test
    void aKeyIsIssuedShownOnceWorksAndStopsWorkingWhenRevoked() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        owner.get("/admin/api-keys");
        Page empty = owner.hxPost("/admin/api-keys", Map.of("name", " ", "role", "pos"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.html().selectFirst("#key-name-error").text()).isEqualTo("От 1 до 200 символов.");

        Page issued = owner.hxPost("/admin/api-keys", Map.of("name", "Касса 1", "role", "admin"));
        assertThat(issued.status()).isEqualTo(200);
        String secret = issued.html().selectFirst("input#new-key").val();
        assertThat(api.get(secret, "/api/v1/api-keys").status()).isEqualTo(200);
        assertThat(owner.get("/admin/api-keys").body()).doesNotContain(secret);

        String id = api.get(t.adminKey(), "/api/v1/api-keys").json().path("items").valueStream()
                .filter(k -> k.path("name").asString().equals("Касса 1")).findFirst().orElseThrow().path("id").asString();
        Page question = owner.get("/admin/api-keys/" + id + "/revoke");
        assertThat(question.status()).isEqualTo(200);
        Page revoked = owner.post("/admin/api-keys/" + id + "/revoke", Map.of());
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(api.get(secret, "/api/v1/api-keys").status()).isEqualTo(401);
    }

    @Test
    void anInvitationsLinkSetsAPasswordAndSignsInAndDeactivationEndsTheSession() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        owner.get("/admin/staff");
        String email = "aigul-" + java.util.UUID.randomUUID() + "@example.test";
        Page bad = owner.hxPost("/admin/staff", Map.of("email", "not-an-email", "name", "Айгуль", "role", "manager"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.html().selectFirst("#invite-email-error").text()).isEqualTo("Это не похоже на адрес e-mail.");

        Page invited = owner.hxPost("/admin/staff", Map.of("email", email, "name", "Айгуль", "role", "manager",
                "language", "kk"));
        assertThat(invited.status()).isEqualTo(200);
        String link = invited.html().selectFirst("input#invite-link").val();
        Page taken = owner.hxPost("/admin/staff", Map.of("email", email, "name", "Ещё одна", "role", "manager"));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.html().selectFirst("#form-summary").text()).contains("уже кто-то входит");

        Screens aigul = new Screens(port);
        String path = URI.create(link).getPath();
        assertThat(aigul.get(path).status()).isEqualTo(200);
        assertThat(aigul.post(path, Map.of("password", "a long enough phrase")).status()).isEqualTo(302);
        Page signedIn = aigul.signIn(email, "a long enough phrase");
        assertThat(signedIn.location()).endsWith("/admin");
        assertThat(aigul.get("/admin").status()).isEqualTo(200);

        String id = api.get(t.adminKey(), "/api/v1/staff").json().path("items").valueStream()
                .filter(s -> s.path("email").asString().equals(email)).findFirst().orElseThrow().path("id").asString();
        owner.get("/admin/staff/" + id);
        Page changed = owner.hxPost("/admin/staff/" + id, Map.of("name", "Айгуль Б.", "role", "manager",
                "language", "ru"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(api.get(t.adminKey(), "/api/v1/staff/" + id).json().path("name").asString()).isEqualTo("Айгуль Б.");
        Page reset = owner.hxPost("/admin/staff/" + id + "/password-link", Map.of());
        assertThat(reset.html().selectFirst("input#reset-link").val()).contains("/staff/password/");

        assertThat(owner.get("/admin/staff/" + id + "/deactivate").status()).isEqualTo(200);
        assertThat(owner.post("/admin/staff/" + id + "/deactivate", Map.of()).status()).isEqualTo(302);
        assertThat(api.get(t.adminKey(), "/api/v1/staff/" + id).json().path("active").asBoolean()).isFalse();
        Page after = aigul.get("/admin");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).contains("/login");
    }

    @Test
    void theOnlyOwnerCannotBeDeactivatedAndIsToldWhyInPlainWords() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        String id = api.get(t.adminKey(), "/api/v1/staff").json().path("items").get(0).path("id").asString();
        owner.get("/admin/staff/" + id);
        Page refused = owner.post("/admin/staff/" + id + "/deactivate", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().selectFirst("#form-summary").text()).contains("хотя бы один действующий владелец");
        assertThat(api.get(t.adminKey(), "/api/v1/staff/" + id).json().path("active").asBoolean()).isTrue();
    }

    @Test
    void webhooksAreMadeChangedRetriedAndTheAuditLogNamesTheStaffMember() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        owner.get("/admin/webhooks");
        Page bad = owner.post("/admin/webhooks", Map.of("url", "ftp://x", "events", "purchase.created"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.html().select(".field.invalid #new-url")).hasSize(1);
        assertThat(api.get(t.adminKey(), "/api/v1/webhooks").json().path("items").size()).isZero();

        Page created = owner.post("/admin/webhooks", Map.of("url", PUBLIC_URL, "events", "*", "description", "CRM"));
        assertThat(created.status()).isEqualTo(302);
        Page page = owner.follow(created);
        assertThat(page.html().selectFirst("input#signing-secret").val()).startsWith("whsec_");
        String id = api.get(t.adminKey(), "/api/v1/webhooks").json().path("items").get(0).path("id").asString();
        assertThat(owner.get("/admin/webhooks/" + id).html().select("input#signing-secret")).isEmpty();

        Page changed = owner.hxPost("/admin/webhooks/" + id, Map.of("url", PUBLIC_URL, "events", "member.created",
                "description", "CRM", "enabled", "true"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(api.get(t.adminKey(), "/api/v1/webhooks/" + id).json().path("events").toString())
                .isEqualTo("[\"member.created\"]");

        newMember(t);
        JsonNode delivery = api.get(t.adminKey(), "/api/v1/webhooks/" + id + "/deliveries").json().path("items").get(0);
        Page retried = owner.hxPost("/admin/webhooks/" + id + "/deliveries/" + delivery.path("id").asString()
                + "/retry", Map.of());
        assertThat(retried.status()).isEqualTo(200);

        Page audit = owner.get("/admin/audit?objectType=webhook");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.html().select(".audit-entry")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(audit.html().selectFirst(".audit-who span").text()).isEqualTo("Сотрудник: Test owner");
        assertThat(audit.html().select("table.diff ins").eachText()).contains("member.created");
        JsonNode entry = api.get(t.adminKey(), "/api/v1/audit?objectType=webhook").json().path("items").get(0);
        assertThat(entry.path("actor").path("type").asString()).isEqualTo("staff");
        assertThat(entry.path("actor").path("name").asString()).isEqualTo("Test owner");
        Page filtered = owner.hxGet("/admin/audit?objectType=rule");
        assertThat(filtered.html().select(".audit-entry")).isEmpty();
        assertThat(owner.hxGet("/admin/audit?objectType=api_key").html().select(".audit-who").eachText())
                .allMatch(who -> who.startsWith("Сама Копилка"));
    }

    @Test
    void anotherBusinesssIdsAnswer404AndAFormWithoutItsTokenIsRefused() {
        TestTenant mine = newTenant();
        TestTenant theirs = newTenant();
        Screens owner = owner(mine);
        String staffId = theirStaff(theirs);
        String keyId = api.get(theirs.adminKey(), "/api/v1/api-keys").json().path("items").get(0).path("id").asString();
        String hookId = api.post(theirs.adminKey(), "/api/v1/webhooks", Map.of("url", PUBLIC_URL,
                "events", List.of("*"))).text("id");
        for (String path : List.of("/admin/staff/" + staffId, "/admin/staff/" + staffId + "/deactivate",
                "/admin/api-keys/" + keyId + "/revoke", "/admin/webhooks/" + hookId,
                "/admin/webhooks/" + hookId + "/delete", "/admin/notifications/messages/" + hookId,
                "/admin/staff/not-an-id", "/admin/notifications/templates/nothing/ru/sms")) {
            assertThat(owner.get(path).status()).as(path).isEqualTo(404);
        }
        owner.get("/admin/staff");
        assertThat(owner.post("/admin/staff/" + staffId + "/deactivate", Map.of()).status()).isEqualTo(404);
        assertThat(owner.post("/admin/api-keys/" + keyId + "/revoke", Map.of()).status()).isEqualTo(404);
        assertThat(owner.post("/admin/webhooks/" + hookId + "/delete", Map.of()).status()).isEqualTo(404);
        assertThat(api.get(theirs.adminKey(), "/api/v1/webhooks/" + hookId).status()).isEqualTo(200);
        assertThat(api.get(theirs.adminKey(), "/api/v1/staff/" + staffId).json().path("active").asBoolean()).isTrue();

        // Without the token: 403, and nothing is written.
        assertThat(owner.postExactly("/admin/api-keys", Map.of("name", "sneaky", "role", "admin"), false).status())
                .isEqualTo(403);
        assertThat(owner.postExactly("/admin/staff", Map.of("email", "x@example.test", "name", "x", "role", "owner"),
                false).status()).isEqualTo(403);
        assertThat(api.get(mine.adminKey(), "/api/v1/api-keys").json().path("items").valueStream()
                .noneMatch(k -> k.path("name").asString().equals("sneaky"))).isTrue();
    }

    private String theirStaff(TestTenant theirs) {
        Api.Response list = api.get(theirs.adminKey(), "/api/v1/staff");
        if (list.json().path("items").isEmpty()) {
            Screens.signedIn(port, theirs.adminKey(), "manager", null);
            list = api.get(theirs.adminKey(), "/api/v1/staff");
        }
        return list.json().path("items").get(0).path("id").asString();
    }
}
