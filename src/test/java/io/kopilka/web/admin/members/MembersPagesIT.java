package io.kopilka.web.admin.members;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The members' pages over HTTP, as the owner and the manager use them; what they change is read back through the API. */
class MembersPagesIT extends IntegrationTest {

    /** "+77011234567" as a Kazakh customer says it: "8 701 123 45 67". */
    private static String kazakhWay(String e164) {
        String d = e164.substring(2);
        return "8 " + d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6, 8) + " " + d.substring(8);
    }

    private Api.Response member(TestTenant t, String id) {
        return api.get(t.adminKey(), "/api/v1/members/" + id);
    }

    private long available(TestTenant t, String id) {
        return api.get(t.adminKey(), "/api/v1/members/" + id + "/balance").json().path("available").asLong();
    }

    @Test
    void theListShowsTheNewestAndTheSearchFindsAPhoneTypedTheKazakhWayANameAndACard() {
        TestTenant t = newTenant();
        String phone = randomPhone();
        Api.Response aigerim = newMember(t, Map.of("phone", phone, "name", "Айгерим Сейтова"));
        String id = aigerim.text("id");
        String other = newMember(t);
        Screens owner = Screens.signedIn(port, t.adminKey(), "owner", null);

        Screens.Page list = owner.get("/admin/members");
        assertThat(list.status()).isEqualTo(200);
        List<String> links = list.html().select("#results a[href^=/admin/members/]").eachAttr("href");
        assertThat(links).startsWith("/admin/members/" + other, "/admin/members/" + id); // newest first

        Screens.Page byPhone = owner.get("/admin/members?q=" + enc(kazakhWay(phone)));
        assertThat(byPhone.status()).isEqualTo(200);
        assertThat(byPhone.html().select("#results a[href^=/admin/members/]").eachAttr("href"))
                .containsExactly("/admin/members/" + id);
        Screens.Page typed = owner.hxGet("/admin/members?q=" + enc("+7 (" + phone.substring(2, 5) + ") "
                + phone.substring(5, 8) + "-" + phone.substring(8, 10) + "-" + phone.substring(10)));
        assertThat(typed.html().select(".sidebar")).as("htmx gets the results only").isEmpty();
        assertThat(typed.html().select("a[href^=/admin/members/]").eachAttr("href"))
                .containsExactly("/admin/members/" + id);

        assertThat(owner.get("/admin/members?q=" + enc("айгер")).html().select("#results a[href^=/admin/members/]")
                .eachAttr("href")).containsExactly("/admin/members/" + id);
        String card = aigerim.text("cardNumber");
        assertThat(owner.get("/admin/members?q=" + enc(card)).html().select("#results a[href^=/admin/members/]")
                .eachAttr("href")).containsExactly("/admin/members/" + id);
        Screens.Page nobody = owner.get("/admin/members?q=" + enc("Ботагөз"));
        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.html().select("#results a[href^=/admin/members/]")).isEmpty();
    }

    @Test
    void theMembersPageShowsItsSectionsToTheOwnerAndTheManagerAndOnlyTheOwnerSeesErase() {
        TestTenant t = newTenant();
        String id = newMember(t, Map.of("phone", randomPhone(), "name", "Данияр", "attributes",
                Map.of("children", 2, "coffee", "oat milk"))).text("id");
        api.post(t.adminKey(), "/api/v1/members/" + id + "/gifts", Map.of("points", 300, "reason", "за ожидание"));
        Screens owner = Screens.signedIn(port, t.adminKey(), "owner", null);
        Screens.Page page = owner.get("/admin/members/" + id);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.html().select("h1").text()).isEqualTo("Данияр");
        assertThat(page.html().select(".card .figure").first().text()).isEqualTo("300");
        assertThat(page.html().select("#history td").text()).contains("за ожидание");
        assertThat(page.text()).contains("children", "oat milk");
        assertThat(page.html().select("form[action$=/erase]")).hasSize(1);

        Screens manager = Screens.signedIn(port, t.adminKey(), "manager", null);
        Screens.Page seen = manager.get("/admin/members/" + id);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.html().select("form[action$=/gift]")).hasSize(1);
        assertThat(seen.html().select("form[action$=/erase]")).isEmpty();
        assertThat(manager.get("/admin/members").status()).isEqualTo(200);
    }

    @Test
    void aGiftChangesTheBalanceTheApiShowsWithAndWithoutJavaScript() {
        TestTenant t = newTenant();
        String id = newMember(t);
        Screens manager = Screens.signedIn(port, t.adminKey(), "manager", null);
        manager.get("/admin/members/" + id);

        Screens.Page plain = manager.post("/admin/members/" + id + "/gift", Map.of("points", "150",
                "reason", "долгое ожидание", "note", ""));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(302);
        assertThat(plain.location()).endsWith("/admin/members/" + id + "?done=gift");
        assertThat(available(t, id)).isEqualTo(150);
        assertThat(manager.follow(plain).html().select(".notice.ok")).hasSize(1);

        Screens.Page inPlace = manager.hxPost("/admin/members/" + id + "/gift", Map.of("points", "1 000",
                "reason", "день рождения"));
        assertThat(inPlace.status()).isEqualTo(200);
        assertThat(inPlace.html().select("#member-body .notice.ok")).hasSize(1);
        assertThat(inPlace.html().select(".sidebar")).isEmpty();
        assertThat(available(t, id)).isEqualTo(1150);
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + id + "/history").json().path("items").get(0)
                .path("note").asString()).contains("день рождения");
    }

    @Test
    void aRefusedGiftOrCorrectionShowsTheErrorAtItsFieldAndWritesNothing() {
        TestTenant t = newTenant();
        String id = newMember(t);
        Screens owner = Screens.signedIn(port, t.adminKey(), "owner", null);
        owner.get("/admin/members/" + id);

        Screens.Page noReason = owner.post("/admin/members/" + id + "/gift", Map.of("points", "abc", "reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.html().select(".field.invalid #gift-points")).hasSize(1);
        assertThat(noReason.html().select("#gift-points").attr("aria-describedby")).contains("gift-points-error");
        assertThat(noReason.html().select("#gift-points-error").text()).isNotBlank();
        assertThat(noReason.html().select("#gift-points").val()).isEqualTo("abc");

        Screens.Page blank = owner.hxPost("/admin/members/" + id + "/gift", Map.of("points", "10", "reason", " "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.html().select(".field.invalid #gift-reason")).hasSize(1);
        assertThat(blank.html().select("#gift-reason-error").text()).isEqualTo("Напишите причину, до 200 символов.");

        Screens.Page tooMany = owner.post("/admin/members/" + id + "/points", Map.of("direction", "take",
                "points", "50", "reason", "ошибка кассира"));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.html().select(".notice.bad").text()).isEqualTo("У клиента нет столько баллов.");
        assertThat(available(t, id)).isZero();
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + id + "/history").json().path("items")).isEmpty();

        assertThat(owner.post("/admin/members/" + id + "/points", Map.of("direction", "give", "points", "80",
                "reason", "забыли начислить")).status()).isEqualTo(302);
        assertThat(owner.post("/admin/members/" + id + "/points", Map.of("direction", "take", "points", "30",
                "reason", "ошибка кассира")).status()).isEqualTo(302);
        assertThat(available(t, id)).isEqualTo(50);
    }

    @Test
    void theProfileIsEditedWithAPhoneAsTypedAndABadEmailIsRefusedAtItsField() {
        TestTenant t = newTenant();
        String id = newMember(t, Map.of("phone", randomPhone(), "attributes", Map.of("coffee", "black"))).text("id");
        Screens owner = Screens.signedIn(port, t.adminKey(), "owner", null);
        owner.get("/admin/members/" + id);
        String phone = randomPhone();

        Screens.Page saved = owner.post("/admin/members/" + id + "/profile", Map.of("name", "Асель",
                "phone", kazakhWay(phone), "email", "asel@example.kz", "birthDate", "1990-04-02", "locale", "kk",
                "attributes", "children: 2\nsport: йога"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        Api.Response after = member(t, id);
        assertThat(after.text("name")).isEqualTo("Асель");
        assertThat(after.text("phone")).isEqualTo(phone);
        assertThat(after.text("locale")).isEqualTo("kk");
        assertThat(after.text("birthDate")).isEqualTo("1990-04-02");
        assertThat(after.json().path("attributes").path("children").asInt()).isEqualTo(2);
        assertThat(after.json().path("attributes").path("sport").asString()).isEqualTo("йога");
        assertThat(after.json().path("attributes").has("coffee")).as("a line taken away is removed").isFalse();

        Screens.Page refused = owner.post("/admin/members/" + id + "/profile", Map.of("name", "Другое имя",
                "phone", kazakhWay(phone), "email", "not an e-mail", "locale", "kk"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.html().select(".field.invalid #profile-email")).hasSize(1);
        assertThat(refused.html().select("details[open] #profile-name").val()).isEqualTo("Другое имя");
        assertThat(member(t, id).text("name")).isEqualTo("Асель");
    }

    @Test
    void aNewCardNumberAndALevelPutByHand() {
        TestTenant t = newTenant();
        assertThat(api.put(t.adminKey(), "/api/v1/tiers", Map.of("metric", "spend", "window", Map.of("type",
                "lifetime"), "graceDays", 0, "levels", List.of(Map.of("code", "base", "name", "База", "threshold", "0"),
                Map.of("code", "vip", "name", "VIP", "manual", true)))).status()).isEqualTo(200);
        String id = newMember(t);
        String card = member(t, id).text("cardNumber");
        Screens manager = Screens.signedIn(port, t.adminKey(), "manager", null);
        manager.get("/admin/members/" + id);

        assertThat(manager.hxPost("/admin/members/" + id + "/card", Map.of()).status()).isEqualTo(200);
        assertThat(member(t, id).text("cardNumber")).isNotEqualTo(card).hasSize(12);

        Screens.Page noReason = manager.post("/admin/members/" + id + "/level", Map.of("code", "vip", "reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.html().select(".field.invalid #level-reason")).hasSize(1);
        assertThat(member(t, id).json().path("tier").path("code").asString()).isEqualTo("base");
        assertThat(manager.post("/admin/members/" + id + "/level", Map.of("code", "vip", "reason", "постоянный гость"))
                .status()).isEqualTo(302);
        assertThat(member(t, id).json().path("tier").path("code").asString()).isEqualTo("vip");
    }

    @Test
    void eraseAsksForTheTypedWordAWrongWordWritesNothingAndTheManagerMayNot() {
        TestTenant t = newTenant();
        String phone = randomPhone();
        String id = newMember(t, Map.of("phone", phone, "name", "Ерлан")).text("id");
        Screens manager = Screens.signedIn(port, t.adminKey(), "manager", null);
        manager.get("/admin/members/" + id);
        Screens.Page refused = manager.post("/admin/members/" + id + "/erase", Map.of("confirm", "УДАЛИТЬ"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(member(t, id).text("phone")).isEqualTo(phone);

        Screens owner = Screens.signedIn(port, t.adminKey(), "owner", null);
        Screens.Page page = owner.get("/admin/members/" + id);
        assertThat(page.html().select("label[for=erase-confirm]").text()).contains("УДАЛИТЬ");
        Screens.Page wrong = owner.post("/admin/members/" + id + "/erase", Map.of("confirm", "удалть"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.html().select(".field.invalid #erase-confirm")).hasSize(1);
        assertThat(member(t, id).text("phone")).isEqualTo(phone);
        assertThat(member(t, id).json().path("erased").asBoolean()).isFalse();

        Screens.Page erased = owner.post("/admin/members/" + id + "/erase", Map.of("confirm", " удалить "));
        assertThat(erased.status()).isEqualTo(302);
        Api.Response after = member(t, id);
        assertThat(after.json().path("erased").asBoolean()).isTrue();
        assertThat(after.json().path("phone").isNull()).isTrue();
        assertThat(owner.follow(erased).html().select("form[action$=/gift]")).isEmpty();
        assertThat(api.get(t.adminKey(), "/api/v1/audit?objectId=" + id).body()).contains("member.erased");
    }

    @Test
    void anotherTenantsMemberIsNotFoundAndNothingIsWritten() {
        TestTenant mine = newTenant();
        TestTenant theirs = newTenant();
        String theirMember = newMember(theirs);
        Screens owner = Screens.signedIn(port, mine.adminKey(), "owner", null);
        owner.get("/admin/members");
        assertThat(owner.get("/admin/members/" + theirMember).status()).isEqualTo(404);
        assertThat(owner.get("/admin/members/not-an-id").status()).isEqualTo(404);
        assertThat(owner.get("/admin/members/" + theirMember + "/export").status()).isEqualTo(404);
        Screens.Page gift = owner.post("/admin/members/" + theirMember + "/gift", Map.of("points", "10",
                "reason", "чужой"));
        assertThat(gift.status()).isEqualTo(404);
        assertThat(owner.post("/admin/members/" + theirMember + "/erase", Map.of("confirm", "УДАЛИТЬ")).status())
                .isEqualTo(404);
        assertThat(available(theirs, theirMember)).isZero();
        assertThat(member(theirs, theirMember).json().path("erased").asBoolean()).isFalse();
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        TestTenant t = newTenant();
        String id = newMember(t);
        Screens owner = Screens.signedIn(port, t.adminKey(), "owner", null);
        owner.get("/admin/members/" + id);
        assertThat(owner.postExactly("/admin/members/" + id + "/gift", Map.of("points", "10", "reason", "x"), false)
                .status()).isEqualTo(403);
        assertThat(owner.postExactly("/admin/members/" + id + "/erase", Map.of("confirm", "УДАЛИТЬ"), false)
                .status()).isEqualTo(403);
        assertThat(available(t, id)).isZero();
        assertThat(member(t, id).json().path("erased").asBoolean()).isFalse();
    }

    @Test
    void theExportIsTheMembersDataAsJson() {
        TestTenant t = newTenant();
        String phone = randomPhone();
        String id = newMember(t, Map.of("phone", phone, "name", "Гульнара")).text("id");
        api.post(t.adminKey(), "/api/v1/members/" + id + "/gifts", Map.of("points", 70, "reason", "спасибо"));
        Screens manager = Screens.signedIn(port, t.adminKey(), "manager", null);
        Screens.Page export = manager.get("/admin/members/" + id + "/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/json");
        assertThat(export.header("Content-Disposition")).contains("attachment").contains(id);
        assertThat(export.body()).contains("\"phone\" : \"" + phone + "\"", "Гульнара", "\"available\" : 70",
                "спасибо");
    }
}
