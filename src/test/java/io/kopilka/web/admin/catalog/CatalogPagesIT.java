package io.kopilka.web.admin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The catalog's console pages over HTTP, as a browser without JavaScript and as htmx use them: each
 * write goes through the form and is checked through the API; bad input is shown at its field and
 * writes nothing; another tenant's objects are not found; a form without its CSRF token is refused.
 */
class CatalogPagesIT extends IntegrationTest {
    private static final List<String> OWNER_PAGES = List.of("/admin/tiers", "/admin/rewards", "/admin/rewards/new",
            "/admin/rewards?status=archived", "/admin/challenges", "/admin/challenges/new", "/admin/causes",
            "/admin/causes/new", "/admin/stores", "/admin/calendar", "/admin/calendar?view=year&year=2026",
            "/admin/calendar?view=month&year=2027&month=2");

    private Screens owner(TestTenant t) {
        return Screens.signedIn(port, t.adminKey(), "owner", null);
    }

    /** The field's wrapper of the input with this id. */
    private static Element field(Screens.Page page, String inputId) {
        Element input = page.html().getElementById(inputId);
        assertThat(input).as("input #" + inputId + " in " + page.text()).isNotNull();
        return input.closest(".field");
    }

    private static void assertErrorAt(Screens.Page page, String inputId) {
        Element field = field(page, inputId);
        assertThat(field.hasClass("invalid")).as("field of #" + inputId + " is marked invalid").isTrue();
        assertThat(field.select("p.error").text()).isNotBlank();
        assertThat(page.html().getElementById(inputId).attr("aria-invalid")).isEqualTo("true");
        assertThat(page.html().getElementById(inputId).attr("aria-describedby")).contains(inputId + "-error");
    }

    @Test
    void everyPageRendersForTheOwnerAndOnlyTheCalendarForAManager() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        for (String path : OWNER_PAGES) {
            Screens.Page page = owner.get(path);
            assertThat(page.status()).as(path + ": " + page).isEqualTo(200);
            assertThat(page.html().select("h1")).as(path).hasSize(1);
        }
        Screens manager = Screens.signedIn(port, t.adminKey(), "manager", null);
        for (String path : OWNER_PAGES) {
            int expected = path.startsWith("/admin/calendar") ? 200 : 403;
            assertThat(manager.get(path).status()).as(path).isEqualTo(expected);
        }
        assertThat(manager.post("/admin/rewards/new", Map.of("name", "x", "kind", "gift")).status()).isEqualTo(403);
        assertThat(rewards(t)).isEmpty();
    }

    @Test
    void aRewardIsCreatedEditedAndArchivedThroughTheForms() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        owner.get("/admin/rewards/new");
        Map<String, String> form = form("name", "Бесплатная стрижка", "names.en", "Free haircut",
                "names.kk", "Тегін шаш қию", "kind", "gift", "costPoints", "1 500", "stock", "10",
                "couponValidDays", "30", "validFrom", "2026-12-01", "validTo", "2026-12-31",
                "imageUrl", "https://example.com/haircut.png", "refundOnExpiry", "true");
        Screens.Page created = owner.post("/admin/rewards/new", form);
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        assertThat(created.location()).matches(".*/admin/rewards/[0-9a-f-]{36}\\?saved");
        String id = created.location().replaceAll(".*/admin/rewards/([0-9a-f-]{36}).*", "$1");

        Api.Response reward = api.get(t.adminKey(), "/api/v1/rewards/" + id);
        assertThat(reward.text("name")).isEqualTo("Бесплатная стрижка");
        assertThat(reward.json().path("names").path("en").asString()).isEqualTo("Free haircut");
        assertThat(reward.json().path("costPoints").asLong()).isEqualTo(1500);
        assertThat(reward.json().path("stock").asLong()).isEqualTo(10);
        assertThat(reward.text("validFrom")).startsWith("2026-12-01T00:00");
        assertThat(reward.text("validTo")).startsWith("2027-01-01T00:00"); // the last day included
        assertThat(reward.json().path("refundOnExpiry").asBoolean()).isTrue();

        Screens.Page page = owner.follow(created);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select(".notice.ok")).isNotEmpty();
        assertThat(page.html().getElementById("reward-to").val()).isEqualTo("2026-12-31");
        assertThat(page.html().select("img.preview").attr("src")).isEqualTo("https://example.com/haircut.png");

        // Edited in place with htmx: the form answers, saved; the refund box left unticked turns it off.
        form.put("costPoints", "2000");
        form.remove("refundOnExpiry");
        Screens.Page edited = owner.hxPost("/admin/rewards/" + id, form);
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.html().select("form#reward-form")).hasSize(1);
        assertThat(edited.html().select("html > body > main")).isEmpty();
        assertThat(edited.html().select(".notice.ok")).isNotEmpty();
        reward = api.get(t.adminKey(), "/api/v1/rewards/" + id);
        assertThat(reward.json().path("costPoints").asLong()).isEqualTo(2000);
        assertThat(reward.json().path("refundOnExpiry").asBoolean()).isFalse();
        assertThat(reward.text("validTo")).startsWith("2027-01-01T00:00");

        Screens.Page list = owner.get("/admin/rewards");
        assertThat(list.text()).contains("Бесплатная стрижка", "10");
        Screens.Page row = owner.hxPost("/admin/rewards/" + id + "/archive", Map.of());
        assertThat(row.status()).isEqualTo(200);
        assertThat(row.body()).contains("reward-" + id).doesNotContain("<main");
        assertThat(api.get(t.adminKey(), "/api/v1/rewards/" + id).text("status")).isEqualTo("archived");
        assertThat(owner.get("/admin/rewards?status=archived").text()).contains("Бесплатная стрижка");
        assertThat(owner.get("/admin/rewards").text()).doesNotContain("Бесплатная стрижка");
    }

    @Test
    void aBadRewardIsShownAtItsFieldsAndWritesNothing() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        owner.get("/admin/rewards/new");
        Screens.Page unreadable = owner.post("/admin/rewards/new", Map.of("name", "Кофе", "kind", "gift",
                "costPoints", "сто"));
        assertThat(unreadable.status()).isEqualTo(422);
        assertErrorAt(unreadable, "reward-cost");
        assertThat(unreadable.html().select(".notice.bad").text()).isNotBlank();
        assertThat(unreadable.html().getElementById("reward-name-ru").val()).isEqualTo("Кофе"); // kept as typed

        Screens.Page refused = owner.hxPost("/admin/rewards/new", Map.of("name", " ", "kind", "percent_off",
                "percent", "150", "imageUrl", "ftp://x"));
        assertThat(refused.status()).isEqualTo(422);
        assertErrorAt(refused, "reward-name-ru");
        assertErrorAt(refused, "reward-percent");
        assertErrorAt(refused, "reward-image");
        assertThat(field(refused, "reward-percent").select("p.error").text()).isEqualTo("Больше 0 и не больше 100.");
        assertThat(rewards(t)).isEmpty();
    }

    @Test
    void aChallengeIsCreatedEditedAndStoppedAndItsCardIsDrawnAsStamps() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        owner.get("/admin/challenges/new");
        Map<String, String> form = new LinkedHashMap<>(Map.of("name", "Каждая 6-я стрижка бесплатно", "metric",
                "visits", "target", "6", "headStart", "1", "reward.points", "500", "repeat", "true", "active", "true",
                "validFrom", "2026-12-01"));
        Screens.Page created = owner.post("/admin/challenges/new", form);
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        String id = created.location().replaceAll(".*/admin/challenges/([0-9a-f-]{36}).*", "$1");
        Api.Response challenge = api.get(t.adminKey(), "/api/v1/challenges/" + id);
        assertThat(challenge.json().path("challenge").path("target").asString()).isEqualTo("6");
        assertThat(challenge.json().path("challenge").path("reward").path("points").asLong()).isEqualTo(500);

        Screens.Page list = owner.get("/admin/challenges");
        assertThat(list.html().select("#challenge-" + id + " .stamp")).hasSize(6);
        assertThat(list.html().select("#challenge-" + id + " .stamp.given")).hasSize(1);
        assertThat(list.html().select("#challenge-" + id + " .stamp.goal")).hasSize(1);

        form.put("target", "8");
        Screens.Page edited = owner.post("/admin/challenges/" + id, form);
        assertThat(edited.status()).isEqualTo(302);
        assertThat(api.get(t.adminKey(), "/api/v1/challenges/" + id).json().path("challenge").path("target")
                .asString()).isEqualTo("8");

        Screens.Page bad = owner.post("/admin/challenges/" + id, Map.of("name", "x", "metric", "visits",
                "target", "8", "headStart", "9", "reward.points", "500"));
        assertThat(bad.status()).isEqualTo(422);
        assertErrorAt(bad, "challenge-head-start");
        Screens.Page nothing = owner.post("/admin/challenges/new", Map.of("name", "Пусто", "metric", "visits",
                "target", "5"));
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.html().select(".error").text()).contains("Выберите, что даёт полная карточка");
        assertThat(api.get(t.adminKey(), "/api/v1/challenges").json().path("items")).hasSize(1);

        Screens.Page stopped = owner.hxPost("/admin/challenges/" + id + "/stop", Map.of());
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.body()).contains("challenge-" + id);
        assertThat(api.get(t.adminKey(), "/api/v1/challenges/" + id).json().path("challenge").path("active")
                .asBoolean()).isFalse();
    }

    @Test
    void aCauseIsCreatedEditedAndClosedWithItsTotalsShown() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        owner.get("/admin/causes/new");
        Map<String, String> form = new LinkedHashMap<>(Map.of("name", "Посади дерево", "unit.ru", "дерево",
                "unit.kk", "ағаш", "unit.en", "tree", "verb.ru", "посадили", "verb.kk", "отырғыздық", "verb.en",
                "planted", "pointsPerUnit", "500", "goalUnits", "1000", "active", "true"));
        form.putAll(Map.of("unitForms.ru.one", "дерево", "unitForms.ru.few", "дерева", "unitForms.ru.many", "деревьев"));
        Screens.Page created = owner.post("/admin/causes/new", form);
        assertThat(created.status()).as(created.toString()).isEqualTo(302);
        String id = created.location().replaceAll(".*/admin/causes/([0-9a-f-]{36}).*", "$1");
        assertThat(api.get(t.adminKey(), "/api/v1/causes/" + id).json().path("pointsPerUnit").asLong()).isEqualTo(500);
        assertThat(owner.get("/admin/causes").html().select("#cause-" + id).text()).contains("0 деревьев", "1 000");

        form.put("goalUnits", "2000");
        assertThat(owner.hxPost("/admin/causes/" + id, form).status()).isEqualTo(200);
        assertThat(api.get(t.adminKey(), "/api/v1/causes/" + id).json().path("goalUnits").asLong()).isEqualTo(2000);

        form.put("pointsPerUnit", "0");
        form.remove("unit.kk");
        Screens.Page bad = owner.post("/admin/causes/" + id, form);
        assertThat(bad.status()).isEqualTo(422);
        assertErrorAt(bad, "cause-per-unit");
        assertThat(api.get(t.adminKey(), "/api/v1/causes/" + id).json().path("pointsPerUnit").asLong()).isEqualTo(500);

        assertThat(owner.post("/admin/causes/" + id + "/close", Map.of()).status()).isEqualTo(302);
        assertThat(api.get(t.adminKey(), "/api/v1/causes/" + id).json().path("active").asBoolean()).isFalse();
    }

    @Test
    void aStoreIsOpenedAndATakenOrBadCodeIsShownAtTheField() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        owner.get("/admin/stores");
        Screens.Page opened = owner.hxPost("/admin/stores", Map.of("code", "abay-10", "name", "Абая, 10"));
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.html().select("#store-abay-10").text()).contains("Абая, 10");
        assertThat(api.get(t.adminKey(), "/api/v1/stores").json().path("items").get(0).path("code").asString())
                .isEqualTo("abay-10");

        Screens.Page taken = owner.post("/admin/stores", Map.of("code", "abay-10"));
        assertThat(taken.status()).isEqualTo(409);
        assertErrorAt(taken, "store-code");
        Screens.Page bad = owner.post("/admin/stores", Map.of("code", "абай 10"));
        assertThat(bad.status()).isEqualTo(422);
        assertErrorAt(bad, "store-code");
        assertThat(api.get(t.adminKey(), "/api/v1/stores").json().path("items")).hasSize(1);
    }

    @Test
    void theLadderIsSavedFromTheFormAndABadThresholdIsShownOnItsRow() {
        TestTenant t = newTenant();
        Screens owner = owner(t);
        Screens.Page empty = owner.get("/admin/tiers");
        assertThat(empty.html().select("fieldset.level")).hasSize(TierPages.SPARE_ROWS);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("metric", "spend");
        form.put("window.type", "rolling_months");
        form.put("window.months", "12");
        form.put("graceDays", "30");
        form.put("levels[0].code", "base");
        form.put("levels[0].name", "Базовый");
        form.put("levels[0].threshold", "0");
        form.put("levels[1].code", "");
        form.put("levels[1].name", "");
        form.put("levels[2].code", "gold");
        form.put("levels[2].name", "Золотой");
        form.put("levels[2].threshold", "100 000");
        form.put("levels[2].benefits.earnMultiplier", "1,5");
        form.put("levels[2].benefits.discountPercent", "5");
        form.put("levels[2].benefits.perks", "Кофе за счёт заведения\n\nБез очереди");
        Screens.Page saved = owner.post("/admin/tiers", form);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        Api.Response ladder = api.get(t.adminKey(), "/api/v1/tiers");
        assertThat(ladder.json().path("levels")).hasSize(2);
        assertThat(ladder.json().path("levels").get(1).path("threshold").asString()).isEqualTo("100000.00");
        assertThat(ladder.json().path("levels").get(1).path("benefits").path("earnMultiplier").asString())
                .isEqualTo("1.5");
        assertThat(ladder.json().path("levels").get(1).path("benefits").path("perks")).hasSize(2);
        assertThat(ladder.json().path("window").path("months").asInt()).isEqualTo(12);
        Screens.Page page = owner.follow(saved);
        assertThat(page.html().select("fieldset.level")).hasSize(2 + TierPages.SPARE_ROWS);
        assertThat(page.html().getElementById("level-1-name").val()).isEqualTo("Золотой");

        // The gold row is the third of the form but the second level sent: the error is on its row.
        form.put("levels[2].threshold", "0");
        Screens.Page bad = owner.hxPost("/admin/tiers", form);
        assertThat(bad.status()).isEqualTo(422);
        assertErrorAt(bad, "level-2-threshold");
        assertThat(api.get(t.adminKey(), "/api/v1/tiers").json().path("levels").get(1).path("threshold").asString())
                .isEqualTo("100000.00");
        assertThat(api.get(t.adminKey(), "/api/v1/audit").body()).contains("tiers.replaced");
    }

    @Test
    void anotherTenantsObjectsAreNotFoundAndAFormWithoutItsTokenIsRefused() {
        TestTenant other = newTenant();
        String reward = api.post(other.adminKey(), "/api/v1/rewards", Map.of("name", "Чужая", "kind", "gift",
                "costPoints", 100)).text("id");
        String cause = api.post(other.adminKey(), "/api/v1/causes", Map.of("name", "Чужое", "unit",
                Map.of("ru", "дерево", "kk", "ағаш", "en", "tree"), "pointsPerUnit", 100)).text("id");
        String challenge = api.post(other.adminKey(), "/api/v1/challenges", Map.of("name", "Чужое", "metric",
                "visits", "target", 5, "reward", Map.of("points", 10))).text("id");
        TestTenant t = newTenant();
        Screens owner = owner(t);
        for (String path : List.of("/admin/rewards/" + reward, "/admin/causes/" + cause,
                "/admin/challenges/" + challenge, "/admin/rewards/not-an-id", "/admin/challenges/not-an-id")) {
            assertThat(owner.get(path).status()).as(path).isEqualTo(404);
        }
        owner.get("/admin/rewards");
        assertThat(owner.post("/admin/rewards/" + reward + "/archive", Map.of()).status()).isEqualTo(404);
        assertThat(owner.post("/admin/causes/" + cause + "/close", Map.of()).status()).isEqualTo(404);
        assertThat(owner.post("/admin/challenges/" + challenge + "/stop", Map.of()).status()).isEqualTo(404);
        assertThat(owner.post("/admin/rewards/" + reward, Map.of("name", "Моя", "kind", "gift")).status())
                .isEqualTo(404);
        assertThat(api.get(other.adminKey(), "/api/v1/rewards/" + reward).text("status")).isEqualTo("active");
        assertThat(api.get(other.adminKey(), "/api/v1/causes/" + cause).json().path("active").asBoolean()).isTrue();

        for (String path : List.of("/admin/rewards/new", "/admin/challenges/new", "/admin/causes/new", "/admin/stores",
                "/admin/tiers")) {
            assertThat(owner.postExactly(path, Map.of("name", "x", "code", "x", "kind", "gift"), false).status())
                    .as(path).isEqualTo(403);
        }
        assertThat(rewards(t)).isEmpty();
        assertThat(api.get(t.adminKey(), "/api/v1/stores").json().path("items")).isEmpty();
    }

    @Test
    void theCalendarPlacesDatedCampaignsAndShowsTheGapsAndOverlaps() {
        TestTenant t = newTenant();
        assertThat(api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "Новогодние x2", "kind", "points_percent",
                "percent", "10", "validFrom", "2026-12-20T00:00:00+05:00", "validTo", "2027-01-11T00:00:00+05:00"))
                .status()).isEqualTo(201);
        assertThat(api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "Баллы за покупки", "kind",
                "points_percent", "percent", "5")).status()).isEqualTo(201);
        String reward = api.post(t.adminKey(), "/api/v1/rewards", Map.of("name", "Ёлочная игрушка", "kind", "gift",
                "costPoints", 100, "validFrom", "2026-12-01T00:00:00+05:00", "validTo", "2026-12-25T00:00:00+05:00"))
                .text("id");
        Screens owner = owner(t);
        Screens.Page december = owner.get("/admin/calendar?view=month&year=2026&month=12");
        assertThat(december.status()).isEqualTo(200);
        assertThat(december.html().select(".cal-bar").text()).contains("Новогодние x2", "Ёлочная игрушка");
        assertThat(december.html().select(".cal-bar a[href=/admin/rewards/" + reward + "]")).isNotEmpty();
        assertThat(december.html().select(".cal-day.overlap")).hasSize(5); // 20–24 December
        assertThat(december.text()).contains("Баллы за покупки"); // always on, listed above
        assertThat(december.html().select(".cal-bar").text()).doesNotContain("Баллы за покупки");

        Screens.Page year = owner.get("/admin/calendar?view=year&year=2026");
        assertThat(year.html().select(".cal-row")).hasSize(12);
        assertThat(year.html().select(".cal-row").get(0).select(".cal-span.gap")).isNotEmpty();
        assertThat(year.html().select(".cal-row").get(11).select(".cal-span.overlap")).hasSize(1);

        // A manager reads the calendar, without links to the pages only the owner opens.
        Screens manager = Screens.signedIn(port, t.adminKey(), "manager", null);
        Screens.Page seen = manager.get("/admin/calendar?view=month&year=2026&month=12");
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.html().select(".cal-bar").text()).contains("Ёлочная игрушка");
        assertThat(seen.html().select(".cal-bar a")).isEmpty();
    }

    private static Map<String, String> form(String... keysAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            form.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return form;
    }

    private tools.jackson.databind.JsonNode rewards(TestTenant t) {
        return api.get(t.adminKey(), "/api/v1/rewards").json().path("items");
    }
}
