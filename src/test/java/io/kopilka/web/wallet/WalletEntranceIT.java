package io.kopilka.web.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import io.kopilka.testing.WalletScreens;
import java.net.HttpCookie;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The way into the wallet: joining, a code to sign in again, the limits on codes, sign-out, leaving. */
class WalletEntranceIT extends IntegrationTest {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Test
    void joiningMakesTheMemberWithTheConsentFromTheWalletAndSignsTheDeviceIn() {
        TestTenant t = newTenant();
        String slug = slug(t);
        Screens phone = new Screens(port);
        assertThat(phone.get("/w/" + slug + "/join?ref=NOPE1234").html().select("#referralCode").val()).isEqualTo("NOPE1234");

        Screens.Page noConsent = phone.post("/w/" + slug + "/join", Map.of("phone", "8 701 555 10 01", "name", "Айгерим"));
        assertThat(noConsent.status()).isEqualTo(422);
        assertThat(noConsent.html().select("#agree-error")).hasSize(1);
        Screens.Page badCode = phone.post("/w/" + slug + "/join", Map.of("phone", "8 701 555 10 01", "name", "Айгерим",
                "agree", "true", "referralCode", "NOPE1234"));
        assertThat(badCode.status()).isEqualTo(422);
        assertThat(badCode.html().select("#referralCode-error").text()).contains("Мы не знаем такого кода");
        assertThat(api.get(t.adminKey(), "/api/v1/members?phone=87015551001").status()).isEqualTo(404);

        Screens joined = WalletScreens.joined(port, slug, "8 701 555 10 01", "Айгерим");
        Api.Response member = api.get(t.adminKey(), "/api/v1/members?phone=87015551001");
        assertThat(member.status()).isEqualTo(200);
        assertThat(member.text("name")).isEqualTo("Айгерим");
        assertThat(member.json().path("consents").path("sms").asBoolean()).isTrue();
        assertThat(member.json().path("consents").path("marketing").asBoolean()).isFalse();
        String consentSource = jdbc.sql("SELECT source FROM consent_change WHERE member_id = CAST(:id AS uuid) LIMIT 1")
                .param("id", member.text("id")).query(String.class).single();
        assertThat(consentSource).isEqualTo("wallet");
        assertThat(joined.get("/w/" + slug + "/settings").status()).isEqualTo(200);

        // The same phone again: no second card, a code instead.
        Screens again = new Screens(port);
        again.get("/w/" + slug + "/join");
        Screens.Page known = again.post("/w/" + slug + "/join", Map.of("phone", "+7 701 555-10-01", "name", "A", "agree", "true"));
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.html().select("#code")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM member WHERE tenant_id = CAST(:t AS uuid)").param("t", t.id())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCodeFromTheMessageSignsInOnceAndFiveWrongTriesSpendIt() {
        TestTenant t = newTenant();
        String slug = slug(t);
        String memberId = memberWithPhone(t, "+77015551002");
        Screens phone = new Screens(port);
        phone.get("/w/" + slug + "/signin");
        Screens.Page sent = phone.post("/w/" + slug + "/signin", Map.of("phone", "8 (701) 555 10 02"));
        assertThat(sent.status()).isEqualTo(200);
        String code = lastCode(t, memberId);

        for (int i = 0; i < 5; i++) {
            String wrong = code.equals("000000") ? "111111" : "000000";
            Screens.Page refused = phone.post("/w/" + slug + "/signin/code", Map.of("phone", "87015551002", "code", wrong));
            assertThat(refused.status()).isEqualTo(422);
        }
        Screens.Page spent = phone.post("/w/" + slug + "/signin/code", Map.of("phone", "87015551002", "code", code));
        assertThat(spent.status()).as("five wrong tries spent the code").isEqualTo(422);

        clock.advance(Duration.ofMinutes(1));
        phone.post("/w/" + slug + "/signin", Map.of("phone", "87015551002"));
        String second = lastCode(t, memberId);
        Screens.Page in = phone.post("/w/" + slug + "/signin/code", Map.of("phone", "87015551002", "code", second));
        assertThat(in.status()).as(in.toString()).isEqualTo(302);
        assertThat(in.location()).endsWith("/w/" + slug);
        assertThat(phone.get("/w/" + slug + "/settings").status()).isEqualTo(200);

        Screens other = new Screens(port);
        other.get("/w/" + slug + "/signin");
        Screens.Page replay = other.post("/w/" + slug + "/signin/code", Map.of("phone", "87015551002", "code", second));
        assertThat(replay.status()).as("a code signs in once").isEqualTo(422);
    }

    @Test
    void aCodeExpiresAfterFiveMinutesAndAMemberGetsAtMostThreeInTenMinutes() {
        TestTenant t = newTenant();
        String slug = slug(t);
        String memberId = memberWithPhone(t, "+77015551003");
        Screens phone = new Screens(port);
        phone.get("/w/" + slug + "/signin");
        phone.post("/w/" + slug + "/signin", Map.of("phone", "87015551003"));
        String code = lastCode(t, memberId);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(phone.post("/w/" + slug + "/signin/code", Map.of("phone", "87015551003", "code", code)).status())
                .isEqualTo(422);

        phone.post("/w/" + slug + "/signin", Map.of("phone", "87015551003"));
        phone.post("/w/" + slug + "/signin", Map.of("phone", "87015551003"));
        Screens.Page fourth = phone.post("/w/" + slug + "/signin", Map.of("phone", "87015551003"));
        assertThat(fourth.html().select(".notice.bad").text()).contains("Слишком много кодов");
        assertThat(codesSent(t, memberId)).isEqualTo(3);
        clock.advance(Duration.ofMinutes(11));
        assertThat(phone.post("/w/" + slug + "/signin", Map.of("phone", "87015551003")).html().select(".notice.bad"))
                .isEmpty();
        assertThat(codesSent(t, memberId)).isEqualTo(4);
    }

    @Test
    void aPhoneNobodyHasGetsTheSameAnswerAndNoMessage() {
        TestTenant t = newTenant();
        String slug = slug(t);
        Screens phone = new Screens(port);
        phone.get("/w/" + slug + "/signin");
        Screens.Page answer = phone.post("/w/" + slug + "/signin", Map.of("phone", "87015559999"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.html().select("#code")).hasSize(1);
        assertThat(api.get(t.adminKey(), "/api/v1/notifications?kind=login_code").json().path("items")).isEmpty();
        Screens.Page notAPhone = phone.post("/w/" + slug + "/signin", Map.of("phone", "hello"));
        assertThat(notAPhone.status()).isEqualTo(422);
    }

    @Test
    void pagesNeedASignedInDeviceOfThatBusinessAndSignOutEndsTheSession() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        Screens phone = WalletScreens.joined(port, slug(a), "87015551004", "Dana");
        Screens stranger = new Screens(port);
        Screens.Page toSignIn = stranger.get("/w/" + slug(a) + "/settings");
        assertThat(toSignIn.status()).isEqualTo(302);
        assertThat(toSignIn.location()).endsWith("/w/" + slug(a) + "/signin");
        assertThat(stranger.hxGet("/w/" + slug(a) + "/settings").status()).isEqualTo(401);

        // Business A's cookie, sent to business B's wallet, opens nothing there.
        String token = cookie(phone, slug(a));
        HttpCookie forged = new HttpCookie("KOPILKA_WALLET", token);
        forged.setPath("/w/" + slug(b));
        stranger.cookies().getCookieStore().add(URI.create("http://127.0.0.1:" + port + "/w/" + slug(b)), forged);
        assertThat(stranger.get("/w/" + slug(b) + "/settings").status()).isEqualTo(302);
        Screens.Page missing = stranger.get("/w/no-such-business/join");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);

        Screens.Page settings = phone.get("/w/" + slug(a) + "/settings");
        assertThat(settings.status()).isEqualTo(200);
        Screens.Page out = phone.post("/w/" + slug(a) + "/signout", Map.of());
        assertThat(out.location()).endsWith("/signin?signedOut");
        Screens replay = new Screens(port);
        HttpCookie old = new HttpCookie("KOPILKA_WALLET", token);
        old.setPath("/w/" + slug(a));
        replay.cookies().getCookieStore().add(URI.create("http://127.0.0.1:" + port + "/w/" + slug(a)), old);
        assertThat(replay.get("/w/" + slug(a) + "/settings").status()).as("a signed-out token opens nothing").isEqualTo(302);
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndWritesNothing() {
        TestTenant t = newTenant();
        Screens phone = new Screens(port);
        Screens.Page refused = phone.postExactly("/w/" + slug(t) + "/join",
                Map.of("phone", "87015551005", "name", "X", "agree", "true"), false);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.get(t.adminKey(), "/api/v1/members?phone=87015551005").status()).isEqualTo(404);
    }

    @Test
    void settingsChangeTheLanguageAndConsentsGiveTheDataAndLeavingErasesAndSignsOut() {
        TestTenant t = newTenant();
        String slug = slug(t);
        Screens phone = WalletScreens.joined(port, slug, "87015551006", "Ержан");
        String id = api.get(t.adminKey(), "/api/v1/members?phone=87015551006").text("id");
        phone.get("/w/" + slug + "/settings");
        assertThat(phone.post("/w/" + slug + "/settings/language", Map.of("lang", "kk")).status()).isEqualTo(302);
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + id).text("locale")).isEqualTo("kk");
        assertThat(phone.get("/w/" + slug + "/settings").text()).contains("Баптаулар");

        phone.post("/w/" + slug + "/settings/consents", Map.of("email", "true", "marketing", "true"));
        Api.Response after = api.get(t.adminKey(), "/api/v1/members/" + id);
        assertThat(after.json().path("consents").path("sms").asBoolean()).isFalse();
        assertThat(after.json().path("consents").path("marketing").asBoolean()).isTrue();

        Screens.Page data = phone.get("/w/" + slug + "/settings/my-data");
        assertThat(data.status()).isEqualTo(200);
        assertThat(data.body()).contains("\"name\" : \"Ержан\"", "+77015551006");

        Screens.Page unconfirmed = phone.post("/w/" + slug + "/settings/leave", Map.of());
        assertThat(unconfirmed.status()).as(unconfirmed.toString()).isEqualTo(422);
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + id).text("name")).isEqualTo("Ержан");
        phone.get("/w/" + slug + "/settings");
        Screens.Page left = phone.post("/w/" + slug + "/settings/leave", Map.of("confirm", "true"));
        assertThat(left.location()).endsWith("/signin?left");
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + id).json().path("name").isNull()).isTrue();
        assertThat(phone.get("/w/" + slug + "/settings").status()).isEqualTo(302);
    }

    private String memberWithPhone(TestTenant t, String phone) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/members", Map.of("phone", phone, "consents", Map.of("sms", true)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    /** The code in the newest login-code message to the member: what the customer reads in the SMS. */
    private String lastCode(TestTenant t, String memberId) {
        Api.Response log = api.get(t.adminKey(), "/api/v1/notifications?kind=login_code&memberId=" + memberId);
        String body = log.json().path("items").get(0).path("body").asString();
        Matcher m = CODE.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private int codesSent(TestTenant t, String memberId) {
        return api.get(t.adminKey(), "/api/v1/notifications?kind=login_code&memberId=" + memberId).json().path("items").size();
    }

    private String cookie(Screens screens, String slug) {
        return screens.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("KOPILKA_WALLET") && c.getPath().equals("/w/" + slug))
                .findFirst().orElseThrow().getValue();
    }
}
