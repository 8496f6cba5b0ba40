package io.kopilka.web.till;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.confirmation.RedemptionConfirmations;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The till over HTTP as a cashier uses it; what it records is read back through the API and the tables. */
class TillPagesIT extends IntegrationTest {
    @Autowired
    RedemptionConfirmations confirmations;

    /** "+77011234567" as a Kazakh cashier types it: "8 701 123 45 67". */
    private static String kazakhWay(String e164) {
        String d = e164.substring(2);
        return "8 " + d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6, 8) + " " + d.substring(8);
    }

    private TestTenant tenantWithStore(long confirmAbove) {
        TestTenant t = newTenant();
        assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Main")).status()).isEqualTo(201);
        Api.Response program = api.put(t.adminKey(), "/api/v1/program", Map.of("redemptionConfirmationAbove", confirmAbove,
                "staffGifts", Map.of("pointsPerKeyPerDay", 500, "rewardIds", List.of())));
        assertThat(program.status()).as(program.toString()).isEqualTo(200);
        assertThat(program.json().path("redemptionConfirmationAbove").asLong()).isEqualTo(confirmAbove);
        return t;
    }

    private Api.Response memberWithPoints(TestTenant t, long points) {
        Api.Response m = newMember(t, Map.of("phone", randomPhone(), "name", "Айгерим"));
        if (points > 0) {
            assertThat(api.post(t.adminKey(), "/api/v1/members/" + m.text("id") + "/gifts",
                    Map.of("points", points, "reason", "welcome")).status()).isEqualTo(201);
        }
        return m;
    }

    private long purchases(TestTenant t) {
        return jdbc.sql("SELECT count(*) FROM purchase WHERE tenant_id = :t").param("t", UUID.fromString(t.id()))
                .query(Long.class).single();
    }

    private long returns(TestTenant t) {
        return jdbc.sql("SELECT count(*) FROM purchase_return WHERE tenant_id = :t").param("t", UUID.fromString(t.id()))
                .query(Long.class).single();
    }

    private long available(TestTenant t, String id) {
        return api.get(t.adminKey(), "/api/v1/members/" + id + "/balance").json().path("available").asLong();
    }

    @Test
    void aPhoneTypedWithSpacesACardOrACouponFindTheMemberAndAnUnknownPhoneRegistersInOneStep() {
        TestTenant t = tenantWithStore(0);
        Api.Response aigerim = memberWithPoints(t, 0);
        String id = aigerim.text("id");
        Screens cashier = Screens.signedIn(port, t.adminKey(), "cashier", List.of("main"));

        Screens.Page home = cashier.get("/till");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.html().select("form#till-find-form input#till-find[name=q]")).hasSize(1);
        assertThat(home.html().select("button[data-scan-target=till-find][hidden]")).hasSize(1);
        assertThat(home.html().select("#till-offline-status[aria-live=polite]")).hasSize(1);

        Screens.Page byPhone = cashier.get("/till/find?q=" + enc(kazakhWay(aigerim.text("phone"))));
        assertThat(byPhone.status()).isEqualTo(302);
        assertThat(byPhone.location()).endsWith("/till/members/" + id);
        Screens.Page byCard = cashier.get("/till/find?q=" + enc(aigerim.text("cardNumber")));
        assertThat(byCard.location()).endsWith("/till/members/" + id);

        Screens.Page page = cashier.follow(byCard);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("h1").text()).isEqualTo("Айгерим");
        assertThat(page.html().select("form#till-check[data-member-card=" + aigerim.text("cardNumber") + "]"
                + "[data-currency=KZT][data-store=main] input[name=amount][autofocus]")).hasSize(1);
        assertThat(page.html().select("#till-check input[type=hidden][name=externalId]").attr("value")).startsWith("till-");

        Screens.Page nobody = cashier.get("/till/find?q=" + enc("NOSUCHCOUPON"));
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.html().select(".till-notice")).hasSize(1);

        String newPhone = randomPhone();
        Screens.Page unknown = cashier.get("/till/find?q=" + enc(kazakhWay(newPhone)));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.html().select("form[action=/till/members] input[name=phone]").attr("value")).isEqualTo(newPhone);
        Screens.Page joined = cashier.post("/till/members", Map.of("phone", newPhone, "name", "Данияр", "consent", "on"));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(302);
        String newId = joined.location().substring(joined.location().lastIndexOf('/') + 1);
        Api.Response member = api.get(t.adminKey(), "/api/v1/members/" + newId);
        assertThat(member.text("phone")).isEqualTo(newPhone);
        assertThat(member.json().path("consents").path("sms").asBoolean()).isTrue();
        String how = jdbc.sql("SELECT source FROM consent_change WHERE tenant_id = :t AND member_id = :m")
                .param("t", UUID.fromString(t.id())).param("m", UUID.fromString(newId)).query(String.class).single();
        assertThat(how).isEqualTo("till");
    }

    @Test
    void theQuoteFollowsTheAmountAndADoubleTapRecordsOnePurchase() {
        TestTenant t = tenantWithStore(0);
        String id = memberWithPoints(t, 0).text("id");
        Screens cashier = Screens.signedIn(port, t.adminKey(), "cashier", List.of("main"));
        Screens.Page page = cashier.get("/till/members/" + id);
        String externalId = page.html().select("input[name=externalId]").attr("value");

        Screens.Page quote = cashier.hxPost("/till/members/" + id + "/quote", Map.of("externalId", externalId,
                "amount", "4 500"));
        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.text()).contains("4\u202F500");
        assertThat(purchases(t)).isZero();

        Map<String, String> check = Map.of("externalId", externalId, "amount", "4500");
        Screens.Page first = cashier.hxPost("/till/members/" + id + "/purchases", check);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.html().select(".till-result")).hasSize(1);
        Screens.Page second = cashier.hxPost("/till/members/" + id + "/purchases", check);
        assertThat(second.status()).isEqualTo(200);
        assertThat(purchases(t)).isEqualTo(1);
        assertThat(second.html().select(".till-result-head").text()).isNotEqualTo(first.html().select(".till-result-head").text());

        Screens.Page bad = cashier.hxPost("/till/members/" + id + "/purchases", Map.of("externalId", "till-x", "amount", "abc"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.html().select(".field.invalid input[name=amount]")).hasSize(1);
        assertThat(purchases(t)).isEqualTo(1);
    }

    @Test
    void aRedemptionAboveTheThresholdNeedsTheMembersCodeGoodOnce() {
        TestTenant t = tenantWithStore(100);
        String id = memberWithPoints(t, 1000).text("id");
        Screens cashier = Screens.signedIn(port, t.adminKey(), "cashier", List.of("main"));
        String externalId = cashier.get("/till/members/" + id).html().select("input[name=externalId]").attr("value");

        Screens.Page quote = cashier.hxPost("/till/members/" + id + "/quote", Map.of("externalId", externalId,
                "amount", "10000", "redeem", "on"));
        String offered = quote.html().select("input[name=redeemPoints]").attr("value");
        assertThat(offered).isEqualTo("1000"); // 30% of 10 000 is 3 000: the balance is the limit

        Map<String, String> check = Map.of("externalId", externalId, "amount", "10000", "redeem", "on",
                "redeemPoints", offered);
        Screens.Page noCode = cashier.hxPost("/till/members/" + id + "/purchases", check);
        assertThat(noCode.status()).isEqualTo(422);
        assertThat(noCode.html().select("input#till-code")).hasSize(1);
        Screens.Page wrong = cashier.hxPost("/till/members/" + id + "/purchases", with(check, "code", "000000"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(purchases(t)).isZero();

        // This test's application sends no e-mail or SMS: the till says so and points to the wallet's code.
        Screens.Page send = cashier.hxPost("/till/members/" + id + "/code", Map.of());
        assertThat(send.status()).isEqualTo(422);
        assertThat(send.text()).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM redemption_code WHERE tenant_id = :t").param("t", UUID.fromString(t.id()))
                .query(Long.class).single()).as("a code nobody can receive is not kept").isZero();

        String code = confirmations.currentCode(new TenantId(UUID.fromString(t.id())), new MemberId(UUID.fromString(id)),
                clock.instant());
        Screens.Page done = cashier.hxPost("/till/members/" + id + "/purchases", with(check, "code", code));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(available(t, id)).isZero();
        Screens.Page again = cashier.hxPost("/till/members/" + id + "/purchases", with(check, "code", code));
        assertThat(again.status()).as("a retry of the confirmed check replays it").isEqualTo(200);
        assertThat(purchases(t)).isEqualTo(1);

        // The same code for another check is spent.
        assertThat(api.post(t.adminKey(), "/api/v1/members/" + id + "/gifts", Map.of("points", 500, "reason", "r"))
                .status()).isEqualTo(201);
        Screens.Page replayed = cashier.hxPost("/till/members/" + id + "/purchases", Map.of("externalId", "till-other",
                "amount", "10000", "redeem", "on", "redeemPoints", "500", "code", code));
        assertThat(replayed.status()).isEqualTo(422);
        assertThat(purchases(t)).isEqualTo(1);
    }

    @Test
    void aPurchaseIsUndoneWithinTenMinutesAuditedAndRefusedAfter() {
        TestTenant t = tenantWithStore(0);
        String id = memberWithPoints(t, 0).text("id");
        Screens cashier = Screens.signedIn(port, t.adminKey(), "cashier", List.of("main"));
        cashier.get("/till/members/" + id);
        cashier.hxPost("/till/members/" + id + "/purchases", Map.of("externalId", "till-a", "amount", "3000"));
        cashier.hxPost("/till/members/" + id + "/purchases", Map.of("externalId", "till-b", "amount", "2000"));
        List<String> undo = cashier.get("/till/members/" + id).html().select("form[action$=/undo]").eachAttr("action");
        assertThat(undo).hasSize(2);

        Screens.Page undone = cashier.post(undo.get(0), Map.of());
        assertThat(undone.status()).as(undone.toString()).isEqualTo(302);
        assertThat(undone.location()).endsWith("?done=undone");
        assertThat(returns(t)).isEqualTo(1);
        Long audited = jdbc.sql("SELECT count(*) FROM audit_entry WHERE tenant_id = :t AND action = 'purchase.undone' "
                        + "AND actor_type = 'staff'").param("t", UUID.fromString(t.id())).query(Long.class).single();
        assertThat(audited).isEqualTo(1);

        clock.advance(Duration.ofMinutes(11));
        Screens.Page late = cashier.post(undo.get(1), Map.of());
        assertThat(late.status()).isEqualTo(422);
        assertThat(returns(t)).isEqualTo(1);

        // Goods brought back later: a return of the whole check from the list.
        Screens.Page page = cashier.get("/till/members/" + id);
        String action = page.html().select("form[action$=/return]").first().attr("action");
        String externalId = page.html().select("form[action$=/return] input[name=externalId]").first().attr("value");
        Screens.Page returned = cashier.post(action, Map.of("externalId", externalId));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(302);
        cashier.get("/till/members/" + id);
        cashier.post(action, Map.of("externalId", externalId));
        assertThat(returns(t)).as("the same return sent twice").isEqualTo(2);
    }

    @Test
    void aGiftWithinTheCashiersDailyLimitNeedsAReason() {
        TestTenant t = tenantWithStore(0);
        String id = memberWithPoints(t, 0).text("id");
        Screens cashier = Screens.signedIn(port, t.adminKey(), "cashier", List.of("main"));
        cashier.get("/till/members/" + id);
        Screens.Page noReason = cashier.post("/till/members/" + id + "/gift", Map.of("points", "100", "reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        Screens.Page given = cashier.post("/till/members/" + id + "/gift", Map.of("points", "300", "reason", "долго ждал"));
        assertThat(given.status()).isEqualTo(302);
        cashier.get("/till/members/" + id);
        Screens.Page over = cashier.post("/till/members/" + id + "/gift", Map.of("points", "300", "reason", "ещё"));
        assertThat(over.status()).isEqualTo(422);
        assertThat(available(t, id)).isEqualTo(300);
    }

    @Test
    void anotherBusinesssCashierFindsNothingAndAFormWithoutItsTokenIsRefused() {
        TestTenant t = tenantWithStore(0);
        String id = memberWithPoints(t, 0).text("id");
        TestTenant other = tenantWithStore(0);
        Screens stranger = Screens.signedIn(port, other.adminKey(), "cashier", List.of("main"));
        assertThat(stranger.get("/till/members/" + id).status()).isEqualTo(404);
        stranger.get("/till");
        assertThat(stranger.hxPost("/till/members/" + id + "/quote", Map.of("amount", "100")).status()).isEqualTo(404);
        assertThat(stranger.hxPost("/till/members/" + id + "/purchases", Map.of("externalId", "x", "amount", "100"))
                .status()).isEqualTo(404);
        assertThat(stranger.post("/till/members/" + id + "/gift", Map.of("points", "1", "reason", "r")).status())
                .isEqualTo(404);
        assertThat(stranger.hxPost("/till/members/" + id + "/code", Map.of()).status()).isEqualTo(404);
        assertThat(purchases(t)).isZero();

        Screens cashier = Screens.signedIn(port, t.adminKey(), "cashier", List.of("main"));
        cashier.get("/till/members/" + id);
        Screens.Page forged = cashier.postExactly("/till/members/" + id + "/purchases",
                Map.of("externalId", "till-forged", "amount", "100"), false);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(purchases(t)).isZero();
    }

    @Test
    void aCouponCodeFindsItsMemberTicksTheCouponAndTheCheckUsesIt() {
        TestTenant t = tenantWithStore(0);
        String id = memberWithPoints(t, 200).text("id");
        Api.Response reward = api.post(t.adminKey(), "/api/v1/rewards", Map.of("name", "500 off", "kind", "amount_off",
                "amount", "500.00", "costPoints", 100));
        assertThat(reward.status()).as(reward.toString()).isEqualTo(201);
        Api.Response redeemed = api.post(t.adminKey(), "/api/v1/members/" + id + "/redemptions",
                Map.of("rewardId", reward.text("id")));
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(201);
        String code = redeemed.json().path("coupon").path("code").asString();
        Screens cashier = Screens.signedIn(port, t.adminKey(), "cashier", List.of("main"));

        Screens.Page found = cashier.get("/till/find?q=" + enc(code.toLowerCase()));
        assertThat(found.status()).isEqualTo(302);
        Screens.Page page = cashier.follow(found);
        assertThat(page.html().select("#till-check input[name=coupon][checked]")).as(page.status() + " " + page.text()).hasSize(1);
        String canonical = page.html().select("#till-check input[name=coupon]").attr("value");
        String externalId = page.html().select("input[name=externalId]").attr("value");
        Screens.Page done = cashier.hxPost("/till/members/" + id + "/purchases", Map.of("externalId", externalId,
                "amount", "4000", "coupon", canonical));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.text()).contains("3\u202F500");
        assertThat(api.get(t.adminKey(), "/api/v1/coupons/" + canonical).json().path("status").asString()).isEqualTo("used");
    }

    @Test
    void theOwnerSetsTheConfirmationThresholdOnTheProgramPage() {
        TestTenant t = newTenant();
        Screens owner = Screens.signedIn(port, t.adminKey(), "owner", null);
        Screens.Page page = owner.get("/admin/program");
        assertThat(page.html().select("label[for=redemptionConfirmationAbove]")).hasSize(1);
        assertThat(page.html().getElementById("redemptionConfirmationAbove-help")).isNotNull();
        Map<String, String> form = new java.util.LinkedHashMap<>();
        for (var field : page.html().select("#program-form input[name], #program-form select[name]")) {
            if (!field.attr("type").equals("checkbox") || field.hasAttr("checked")) {
                form.put(field.attr("name"), field.tagName().equals("select")
                        ? field.select("option[selected]").attr("value") : field.attr("value"));
            }
        }
        form.put("redemptionConfirmationAbove", "500");
        Screens.Page saved = owner.post("/admin/program", form);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(api.get(t.adminKey(), "/api/v1/program").json().path("redemptionConfirmationAbove").asLong())
                .isEqualTo(500);
        form.put("redemptionConfirmationAbove", "-1");
        assertThat(owner.post("/admin/program", form).status()).isEqualTo(422);
        assertThat(api.put(t.adminKey(), "/api/v1/program", Map.of("redemptionConfirmationAbove", -5)).status())
                .isEqualTo(422);
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(form);
        copy.put(key, value);
        return copy;
    }
}
