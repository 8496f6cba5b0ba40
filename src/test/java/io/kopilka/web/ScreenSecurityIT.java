package io.kopilka.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The screens' sessions: who gets in, what each role opens, and how a session ends. */
class ScreenSecurityIT extends IntegrationTest {
    private String key;

    @BeforeEach
    void tenant() {
        key = newTenant().adminKey();
        api.post(key, "/api/v1/stores", Map.of("code", "main", "name", "Main"));
    }

    @Test
    void aStrangerIsSentToSignIn() {
        Screens stranger = new Screens(port);
        Screens.Page page = stranger.get("/admin/members");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        Screens.Page htmx = stranger.hxGet("/admin/members");
        assertThat(htmx.status()).isEqualTo(401);
        assertThat(htmx.header("HX-Redirect")).isEqualTo("/login");
        assertThat(stranger.get("/login").status()).isEqualTo(200);
    }

    @Test
    void theSessionIdChangesAtSignInSoAPlantedOneIsWorthNothing() {
        Screens screens = new Screens(port);
        String email = "fix-" + UUID.randomUUID() + "@example.test";
        screens.createStaff(key, email, "owner", null, "the right password");
        screens.get("/login");
        String before = session(screens);
        assertThat(screens.signIn(email, "the right password").location()).endsWith("/admin");
        assertThat(session(screens)).isNotNull().isNotEqualTo(before);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        Screens owner = Screens.signedIn(port, key, "owner", null);
        assertThat(owner.get("/admin").status()).isEqualTo(200);
        Screens.Page refused = owner.postExactly("/admin/language", Map.of("lang", "en", "back", "/admin"), false);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(owner.post("/admin/language", Map.of("lang", "en", "back", "/admin")).status()).isEqualTo(302);
        assertThat(owner.get("/admin").html().selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void aSignedOutSessionCannotBeUsedAgain() {
        Screens owner = Screens.signedIn(port, key, "owner", null);
        assertThat(owner.get("/admin").status()).isEqualTo(200);
        String old = session(owner);
        Screens.Page out = owner.post("/logout", Map.of());
        assertThat(out.location()).endsWith("/login?signedOut");
        // The old cookie, sent again by someone who kept it, opens nothing.
        Screens thief = new Screens(port);
        HttpCookie cookie = new HttpCookie("KOPILKA_SESSION", old);
        cookie.setPath("/");
        cookie.setVersion(0);
        thief.cookies().getCookieStore().add(java.net.URI.create("http://127.0.0.1:" + port), cookie);
        assertThat(thief.get("/admin").status()).isEqualTo(302);
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheAccount() {
        Screens phone = new Screens(port);
        String email = "everywhere-" + UUID.randomUUID() + "@example.test";
        phone.createStaff(key, email, "manager", null, "the right password");
        phone.signIn(email, "the right password");
        Screens laptop = new Screens(port);
        laptop.signIn(email, "the right password");
        assertThat(phone.get("/admin").status()).isEqualTo(200);
        assertThat(laptop.get("/admin").status()).isEqualTo(200);
        laptop.post("/admin/account/sign-out-everywhere", Map.of());
        assertThat(phone.get("/admin").status()).isEqualTo(302);
        assertThat(laptop.get("/admin").status()).isEqualTo(302);
        Api.Response audit = api.get(key, "/api/v1/audit?action=staff.signed_out_everywhere");
        assertThat(audit.json().path("items").get(0).path("actor").path("type").asString()).isEqualTo("staff");
    }

    @Test
    void aDeactivatedAccountIsSignedOutAtItsNextRequest() {
        Screens cashier = new Screens(port);
        String email = "gone-" + UUID.randomUUID() + "@example.test";
        String id = cashier.createStaff(key, email, "manager", null, "the right password");
        cashier.signIn(email, "the right password");
        assertThat(cashier.get("/admin").status()).isEqualTo(200);
        assertThat(api.delete(key, "/api/v1/staff/" + id).status()).isEqualTo(200);
        assertThat(cashier.get("/admin").status()).isEqualTo(302);
        assertThat(cashier.signIn(email, "the right password").location()).endsWith("/login?error");
    }

    @Test
    void aCashierCannotOpenTheConsoleAndAManagerNotTheOwnersPages() {
        Screens cashier = Screens.signedIn(port, key, "cashier", List.of("main"));
        Screens.Page denied = cashier.get("/admin");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.html().select("a.btn-primary").attr("href")).isEqualTo("/till");

        Screens manager = Screens.signedIn(port, key, "manager", null);
        assertThat(manager.get("/admin").status()).isEqualTo(200);
        for (String ownersOnly : List.of("/admin/staff", "/admin/api-keys", "/admin/rules", "/admin/program",
                "/admin/webhooks", "/admin/audit", "/admin/notifications")) {
            assertThat(manager.get(ownersOnly).status()).as(ownersOnly).isEqualTo(403);
        }
        // The sidebar shows a manager only what they may open.
        List<String> links = manager.get("/admin").html().select("nav a").eachAttr("href");
        assertThat(links).contains("/admin", "/admin/members").doesNotContain("/admin/staff", "/admin/api-keys",
                "/admin/rules");
    }

    @Test
    void aRoleChangeEndsTheSessionsSoTheNewRightsApplyAtOnce() {
        Screens screens = new Screens(port);
        String email = "role-" + UUID.randomUUID() + "@example.test";
        String id = screens.createStaff(key, email, "owner", null, "the right password");
        api.post(key, "/api/v1/staff", Map.of("email", "keeper-" + UUID.randomUUID() + "@example.test", "name", "K",
                "role", "owner"));
        screens.signIn(email, "the right password");
        assertThat(screens.get("/admin/staff").status()).isNotEqualTo(403);
        assertThat(api.patch(key, "/api/v1/staff/" + id, Map.of("role", "manager")).status()).isEqualTo(200);
        assertThat(screens.get("/admin").status()).isEqualTo(302);
        screens.signIn(email, "the right password");
        assertThat(screens.get("/admin/staff").status()).isEqualTo(403);
    }

    @Test
    void theLanguageSwitchIsRememberedForTheAccount() {
        Screens first = new Screens(port);
        String email = "lang-" + UUID.randomUUID() + "@example.test";
        first.createStaff(key, email, "owner", null, "the right password");
        first.signIn(email, "the right password");
        first.get("/admin"); // the token changes at sign-in: a form is posted from a page of the session
        first.post("/admin/language", Map.of("lang", "kk", "back", "/admin"));
        Screens elsewhere = new Screens(port);
        elsewhere.signIn(email, "the right password");
        Screens.Page page = elsewhere.get("/admin");
        assertThat(page.html().selectFirst("html").attr("lang")).isEqualTo("kk");
        assertThat(page.html().select("nav a").first().text()).isEqualTo("Шолу");
        // Only a console page is a way back: never another site.
        Screens.Page away = first.post("/admin/language", Map.of("lang", "en", "back", "https://evil.example/"));
        assertThat(away.location()).endsWith("/admin");
    }

    private static String session(Screens screens) {
        return screens.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("KOPILKA_SESSION")).map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
