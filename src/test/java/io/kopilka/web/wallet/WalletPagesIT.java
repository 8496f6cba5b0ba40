package io.kopilka.web.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import io.kopilka.testing.WalletScreens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The wallet's pages through a member's own phone: the numbers the REST API gives, the same
 * sentences, and nobody else's data at any address.
 */
class WalletPagesIT extends IntegrationTest {

    /** A business with a 5% rule, points valid a month, a ladder, a stamp card and a store. */
    private record Shop(TestTenant tenant, String slug, String pos) {
    }

    private Shop shop() {
        TestTenant t = newTenant("KZT", "Asia/Almaty", "ru");
        String key = t.adminKey();
        ok(api.post(key, "/api/v1/stores", Map.of("code", "main", "name", "Главная")));
        ok(api.put(key, "/api/v1/program", Map.of("expiry", Map.of("mode", "after_earn", "months", 1),
                "expiryReminderDays", List.of(7))));
        ok(api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5")));
        ok(api.put(key, "/api/v1/tiers", Map.of("metric", "spend", "window", Map.of("type", "lifetime"),
                "graceDays", 0, "levels", List.of(Map.of("code", "base", "name", "База", "threshold", "0"),
                        Map.of("code", "gold", "name", "Золото", "threshold", "20000",
                                "benefits", Map.of("perks", List.of("Кофе в подарок")))))));
        ok(api.post(key, "/api/v1/challenges", Map.of("name", "Каждая 6-я стрижка бесплатно", "metric", "visits",
                "target", 6, "description", "бесплатная стрижка", "reward", Map.of("points", 100))));
        String slug = slug(t);
        return new Shop(t, slug, newKey(t, "pos"));
    }

    private static Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r;
    }

    private record Joined(Screens phone, JsonNode member) {
        String id() {
            return member.path("id").asString();
        }
    }

    private Joined join(Shop shop, String name) {
        String phone = randomPhone();
        Screens screens = WalletScreens.joined(port, shop.slug(), phone, name);
        JsonNode member = api.get(shop.tenant().adminKey(), "/api/v1/members?phone=" + enc(phone)).json();
        return new Joined(screens, member);
    }

    private void buy(Shop shop, String member, String price) {
        ok(api.post(shop.pos(), "/api/v1/purchases", Map.of("externalId", UUID.randomUUID().toString(),
                "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", price)))));
    }

    private long available(Shop shop, String member) {
        return api.get(shop.tenant().adminKey(), "/api/v1/members/" + member + "/balance").json().path("available")
                .asLong();
    }

    @Test
    void theCardShowsTheBalanceLevelStampsGoalAndTheHistorysOwnSentences() {
        Shop shop = shop();
        Joined me = join(shop, "Айгерим Сатпаева");
        buy(shop, me.id(), "10000");
        String goalReward = ok(api.post(shop.tenant().adminKey(), "/api/v1/rewards", Map.of("name", "Ужин на двоих",
                "kind", "gift", "costPoints", 2000))).text("id");
        ok(api.put(shop.tenant().adminKey(), "/api/v1/members/" + me.id() + "/goal", Map.of("rewardId", goalReward)));

        Screens.Page card = me.phone().get("/w/" + shop.slug() + "?lang=ru");
        assertThat(card.status()).as(card.toString()).isEqualTo(200);
        assertThat(card.html().select(".wp-balance .wp-big").text()).isEqualTo("500 баллов");
        assertThat(card.html().select(".wp-balance").text()).contains("500 ₸");
        String number = me.member().path("cardNumber").asString();
        assertThat(card.html().select(".wp-card .wp-code").text().replace(" ", "")).isEqualTo(number);
        assertThat(card.html().select(".wp-card img").attr("src")).isEqualTo("/w/" + shop.slug() + "/card.svg");
        assertThat(card.text()).contains("База", "Ещё покупок на 10\u202F000 ₸", "Золото");
        assertThat(card.html().select(".wp-circles li")).hasSize(6);
        assertThat(card.html().select(".wp-circles li.on")).hasSize(1);
        assertThat(card.text()).contains("Ещё 5 визитов: бесплатная стрижка");
        assertThat(card.text()).contains("Ужин на двоих", "Ещё 1\u202F500 баллов");
        // The history line says what the REST history says, word for word.
        String note = api.get(shop.tenant().adminKey(), "/api/v1/members/" + me.id() + "/history?lang=ru").json()
                .path("items").get(0).path("note").asString();
        assertThat(card.html().select(".wp-history li").first().text()).contains(note, "+500");
        // No htmx on the first page: it must stay light.
        assertThat(card.body()).doesNotContain("htmx");

        // The same card in Kazakh and in English, as the member picks the language in their settings.
        for (List<String> language : List.of(List.of("kk", "500 ұпай"), List.of("en", "500 points"),
                List.of("ru", "500 баллов"))) {
            me.phone().get("/w/" + shop.slug() + "/settings");
            me.phone().post("/w/" + shop.slug() + "/settings/language", Map.of("lang", language.get(0)));
            assertThat(me.phone().get("/w/" + shop.slug()).html().select(".wp-balance .wp-big").text())
                    .isEqualTo(language.get(1));
        }

        Screens.Page qr = me.phone().get("/w/" + shop.slug() + "/card.svg");
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(qr.header("Cache-Control")).contains("private");
        assertThat(QrSvgTest.decodeQuietly(qr.body())).isEqualTo(number);

        Screens.Page history = me.phone().get("/w/" + shop.slug() + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.html().select(".wp-history li").text()).isEqualTo(card.html().select(".wp-history li").text());
    }

    @Test
    void expiringPointsComeFirstOnlyWithinTheRemindersWindowAndPendingOnesShowTheirDay() {
        Shop shop = shop();
        Joined me = join(shop, "Дана");
        buy(shop, me.id(), "10000");
        String page = "/w/" + shop.slug();

        // The points expire in a month; the program reminds a week ahead: not yet.
        Screens.Page card = me.phone().get(page);
        assertThat(card.html().select(".wp-alert")).isEmpty();
        assertThat(card.text()).contains("Следующее сгорание", "500 баллов");

        ok(api.put(shop.tenant().adminKey(), "/api/v1/program", Map.of("expiry", Map.of("mode", "after_earn",
                "months", 1), "expiryReminderDays", List.of(45, 7), "pendingDays", 3)));
        clock.advance(java.time.Duration.ofHours(1));
        buy(shop, me.id(), "2000");
        card = me.phone().get(page);
        Element first = card.html().select("main > *:not(link)").first();
        assertThat(first.hasClass("wp-alert")).as(card.html().select("main").html()).isTrue();
        assertThat(first.text()).contains("Успейте потратить 500 баллов до 22 декабря");
        assertThat(card.text()).contains("Скоро станут доступны", "100 баллов — с 25 ноября");
    }

    @Test
    void rewardsSplitIntoAffordableAndAlmostAndAnExchangeSentTwiceMakesOneCoupon() {
        Shop shop = shop();
        String key = shop.tenant().adminKey();
        String coffee = ok(api.post(key, "/api/v1/rewards", Map.of("name", "Кофе", "kind", "gift", "costPoints", 300)))
                .text("id");
        ok(api.post(key, "/api/v1/rewards", Map.of("name", "Стрижка", "kind", "gift", "costPoints", 620)));
        Joined me = join(shop, "Ерлан");
        buy(shop, me.id(), "10000");

        Screens.Page rewards = me.phone().get("/w/" + shop.slug() + "/rewards");
        assertThat(rewards.status()).isEqualTo(200);
        assertThat(rewards.html().select(".wp-reward:not(.wp-grey)").text()).contains("Кофе", "300 баллов");
        assertThat(rewards.html().select(".wp-grey").text()).contains("Стрижка", "Ещё 120 баллов");
        assertThat(rewards.html().select(".wp-grey a")).isEmpty();

        Screens.Page confirm = me.phone().get("/w/" + shop.slug() + "/rewards/" + coffee);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.text()).contains("«Кофе» за 300 баллов", "останется 200 баллов");
        String formKey = confirm.html().select("input[name=key]").val();
        assertThat(formKey).isNotBlank();
        String action = confirm.html().select("form").attr("action");

        Screens.Page first = me.phone().post(action, Map.of("key", formKey));
        // The same form again (sent twice, or again after coming back to it): the key in it makes it one coupon.
        me.phone().get("/w/" + shop.slug() + "/rewards");
        Screens.Page second = me.phone().post(action, Map.of("key", formKey));
        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location());
        JsonNode coupons = api.get(key, "/api/v1/members/" + me.id() + "/coupons").json().path("items");
        assertThat(coupons).hasSize(1);
        assertThat(available(shop, me.id())).isEqualTo(200);

        Screens.Page coupon = me.phone().follow(first);
        String code = coupons.get(0).path("code").asString();
        assertThat(coupon.status()).isEqualTo(200);
        assertThat(coupon.text()).contains("Готово", "Кофе", code);
        Screens.Page qr = me.phone().get("/w/" + shop.slug() + "/coupons/" + code + "/qr.svg");
        assertThat(qr.status()).isEqualTo(200);
        assertThat(QrSvgTest.decodeQuietly(qr.body()).replace("-", "")).isEqualTo(code.replace("-", ""));
        assertThat(me.phone().get("/w/" + shop.slug() + "/rewards").html().select(".wp-list a.wp-row").text())
                .contains(code);

        // Not enough points now for a second coffee: the form says so and writes nothing.
        Screens.Page again = me.phone().get("/w/" + shop.slug() + "/rewards/" + coffee);
        assertThat(again.html().select(".wp-error").text()).isEqualTo("Баллов пока не хватает.");
        Screens.Page refused = me.phone().post(action, Map.of("key", UUID.randomUUID().toString()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(api.get(key, "/api/v1/members/" + me.id() + "/coupons").json().path("items")).hasSize(1);
    }

    @Test
    void anotherMembersAndAnotherBusinesssDataIsNotFound() {
        Shop shop = shop();
        String key = shop.tenant().adminKey();
        String coffee = ok(api.post(key, "/api/v1/rewards", Map.of("name", "Кофе", "kind", "gift", "costPoints", 100)))
                .text("id");
        Joined owner = join(shop, "Асем");
        buy(shop, owner.id(), "10000");
        String code = ok(api.post(key, "/api/v1/members/" + owner.id() + "/redemptions", Map.of("rewardId", coffee)))
                .json().path("coupon").path("code").asString();
        Joined neighbour = join(shop, "Болат");
        Shop other = shop();
        Joined stranger = join(other, "Самал");
        String theirReward = ok(api.post(other.tenant().adminKey(), "/api/v1/rewards", Map.of("name", "Чай",
                "kind", "gift", "costPoints", 1))).text("id");
        String theirCause = ok(api.post(other.tenant().adminKey(), "/api/v1/causes", Map.of("name", "Деревья",
                "unit", Map.of("ru", "дерево", "kk", "ағаш", "en", "tree"), "pointsPerUnit", 500))).text("id");

        String mine = "/w/" + shop.slug();
        assertThat(owner.phone().get(mine + "/coupons/" + code).status()).isEqualTo(200);
        for (String path : List.of(mine + "/coupons/" + code, mine + "/coupons/" + code + "/qr.svg")) {
            assertThat(neighbour.phone().get(path).status()).as(path).isEqualTo(404);
        }
        String theirs = "/w/" + other.slug();
        for (String path : List.of(theirs + "/coupons/" + code, theirs + "/coupons/" + code + "/qr.svg",
                theirs + "/rewards/" + coffee)) {
            assertThat(stranger.phone().get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(owner.phone().get(mine + "/rewards/" + theirReward).status()).isEqualTo(404);
        owner.phone().get(mine + "/causes");
        assertThat(owner.phone().post(mine + "/causes/" + theirCause + "/donate", Map.of("points", "10",
                "key", UUID.randomUUID().toString())).status()).isEqualTo(404);
        // Signed in to one business, the other's pages ask to sign in there: a session opens one wallet.
        Screens.Page across = stranger.phone().get(mine + "/coupons/" + code);
        assertThat(across.status()).isEqualTo(302);
        assertThat(across.location()).contains(mine + "/signin");
        assertThat(available(shop, owner.id())).isEqualTo(400);
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToSignIn() {
        Shop shop = shop();
        String w = "/w/" + shop.slug();
        Screens nobody = new Screens(port);
        for (String path : List.of(w, w + "/card.svg", w + "/history", w + "/rewards", w + "/causes", w + "/friends",
                w + "/coupons/ABCD-EFGH-JKLM/qr.svg")) {
            Screens.Page page = nobody.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).contains(w + "/signin");
        }
    }

    @Test
    void causesShowWhatWasDoneTogetherAndTakeADonationOnce() {
        Shop shop = shop();
        String cause = ok(api.post(shop.tenant().adminKey(), "/api/v1/causes", Map.of("name", "Посади дерево",
                "unit", Map.of("ru", "дерево", "kk", "ағаш", "en", "tree"), "unitForms",
                Map.of("ru", Map.of("one", "дерево", "few", "дерева", "many", "деревьев")),
                "verb", Map.of("ru", "посадили", "kk", "отырғыздық", "en", "planted"),
                "pointsPerUnit", 100, "goalUnits", 10))).text("id");
        Joined me = join(shop, "Нурлан");
        buy(shop, me.id(), "10000");
        String page = "/w/" + shop.slug() + "/causes";
        Screens.Page causes = me.phone().get(page);
        assertThat(causes.text()).contains("Посади дерево", "Вместе мы посадили 0 деревьев", "У вас 500 баллов");

        Screens.Page tooMany = me.phone().post(page + "/" + cause + "/donate", Map.of("points", "900",
                "key", causes.html().select("input[name=key]").val()));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.html().select(".wp-error").text()).isEqualTo("Столько баллов пока нет.");
        Screens.Page word = me.phone().post(page + "/" + cause + "/donate", Map.of("points", "много", "key", "k"));
        assertThat(word.status()).isEqualTo(422);
        assertThat(available(shop, me.id())).isEqualTo(500);

        String formKey = UUID.randomUUID().toString();
        Screens.Page gave = me.phone().post(page + "/" + cause + "/donate", Map.of("points", "300", "key", formKey));
        me.phone().get(page);
        Screens.Page twice = me.phone().post(page + "/" + cause + "/donate", Map.of("points", "300", "key", formKey));
        assertThat(gave.status()).isEqualTo(302);
        assertThat(twice.location()).isEqualTo(gave.location());
        assertThat(available(shop, me.id())).isEqualTo(200);
        Screens.Page thanks = me.phone().follow(gave);
        assertThat(thanks.text()).contains("Спасибо! Вы отдали 300 баллов на «Посади дерево».",
                "Вместе мы посадили 3 дерева", "Цель выполнена на 30%");
        // The audit trail says the member gave them, in their own wallet: not "the system", and no name kept.
        var actor = jdbc.sql("SELECT actor_type, actor_id, actor_name FROM audit_entry WHERE tenant_id = :t "
                        + "AND action = 'points.donated'").param("t", UUID.fromString(shop.tenant().id()))
                .query((rs, i) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(actor).containsExactly("member", me.id(), null);
    }

    @Test
    void friendsSeeTheirLinkAndWhoJoinedByIt() {
        Shop shop = shop();
        ok(api.put(shop.tenant().adminKey(), "/api/v1/program", Map.of("referral", Map.of("referrerPoints", 200,
                "refereePoints", 100, "qualifyingSpend", "0"))));
        Joined me = join(shop, "Мадина");
        String code = me.member().path("referralCode").asString();
        Screens.Page friends = me.phone().get("/w/" + shop.slug() + "/friends");
        assertThat(friends.status()).isEqualTo(200);
        assertThat(friends.html().select("#ref-link").val()).endsWith("/w/" + shop.slug() + "/join?ref=" + code)
                .startsWith("http");
        assertThat(friends.text()).contains("вы получите 200 баллов, а он — 100 баллов", "Пока никого");

        Screens friend = new Screens(port);
        Screens.Page form = friend.get("/w/" + shop.slug() + "/join?ref=" + code);
        assertThat(form.html().select("input[name=referralCode]").val()).isEqualTo(code);
        Screens.Page joined = friend.post("/w/" + shop.slug() + "/join", Map.of("phone", randomPhone(),
                "name", "Алия Нурланова", "agree", "true", "referralCode", code));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(302);

        friends = me.phone().get("/w/" + shop.slug() + "/friends");
        assertThat(friends.html().select(".wp-list li").text()).contains("Алия", "Ждём первую покупку")
                .doesNotContain("Нурланова");
    }
}
