package io.kopilka.web.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.browser.BrowserIntegrationTest;
import io.kopilka.testing.browser.Viewport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A friend's phone: the referral link, the join form, the card with its QR code and the points about
 * to expire, an exchange of points for a coupon; each page axe-clean at 390×844, and the card page's
 * weight as a slow phone downloads it.
 */
class WalletBrowserIT extends BrowserIntegrationTest {
    /** The first page's budget on a slow phone: HTML, CSS, JS and the QR code together. */
    static final long CARD_PAGE_BUDGET = 100 * 1024;

    private static Api.Response ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r;
    }

    @Test
    void aFriendJoinsByTheLinkSeesTheCardAndTakesACoffeeForPoints() {
        TestTenantSetup shop = setUp();
        browser.driver().manage().deleteAllCookies();
        browser.resize(Viewport.PHONE);

        browser.open("/w/" + shop.slug + "/join?lang=ru&ref=" + shop.referralCode);
        browser.assertAccessible();
        assertThat(browser.find(By.id("referralCode")).getAttribute("value")).isEqualTo(shop.referralCode);
        String phone = randomPhone();
        browser.find(By.id("phone")).sendKeys(phone);
        browser.find(By.id("name")).sendKeys("Алия Нурланова");
        browser.click(By.cssSelector("label[for=agree]"));
        browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.path()).startsWith("/w/" + shop.slug);

        String member = api.get(shop.admin, "/api/v1/members?phone=" + enc(phone)).text("id");
        ok(api.put(shop.admin, "/api/v1/members/" + member + "/goal", Map.of("name", "Ужин на двоих",
                "targetPoints", 3000)));
        ok(api.post(shop.pos, "/api/v1/purchases", Map.of("externalId", UUID.randomUUID().toString(),
                "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "10000")))));

        browser.open("/w/" + shop.slug);
        assertThat(browser.find(By.cssSelector("main > .wp-alert")).getText()).contains("Успейте потратить");
        Object qrWidth = browser.driver().executeScript(
                "const i = document.querySelector('.wp-card img'); return i.complete ? i.naturalWidth : -1;");
        assertThat(((Number) qrWidth).intValue()).as("the QR code loaded").isPositive();
        browser.assertAccessible();
        browser.screenshot("wallet-card");
        browser.driver().executeScript("window.scrollTo(0, document.body.scrollHeight)");
        browser.screenshot("wallet-card-end");
        long bytes = cardPageBytes("/w/" + shop.slug);
        System.out.println("wallet card page, first load: " + bytes + " bytes transferred");
        assertThat(bytes).as("the card page's first load").isLessThan(CARD_PAGE_BUDGET);

        browser.open("/w/" + shop.slug + "/history");
        browser.assertAccessible();

        browser.open("/w/" + shop.slug + "/rewards");
        browser.assertAccessible();
        browser.screenshot("wallet-rewards");
        browser.clickAndLoad(By.cssSelector(".wp-reward a.wp-button"));
        assertThat(browser.find(By.tagName("main")).getText()).contains("«Кофе» за 300 баллов");
        browser.assertAccessible();
        browser.clickAndLoad(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.path()).startsWith("/w/" + shop.slug + "/coupons/");
        assertThat(browser.find(By.cssSelector(".wp-success")).getText()).contains("Готово");
        browser.assertAccessible();
        browser.screenshot("wallet-coupon");
        assertThat(api.get(shop.admin, "/api/v1/members/" + member + "/coupons").json().path("items")).hasSize(1);

        browser.open("/w/" + shop.slug + "/causes");
        browser.assertAccessible();
        browser.open("/w/" + shop.slug + "/friends");
        browser.assertAccessible();
        browser.screenshot("wallet-friends");
    }

    /**
     * The bytes of the card page as a first visit downloads them (the cache off), on a throttled
     * "slow 3G" line: the navigation plus every resource, from the Performance API.
     */
    private long cardPageBytes(String path) {
        var driver = browser.driver();
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 400,
                "downloadThroughput", 400 * 1024 / 8, "uploadThroughput", 400 * 1024 / 8));
        try {
            browser.open(path);
            Object total = driver.executeScript("""
                    const nav = performance.getEntriesByType('navigation')[0];
                    const parts = performance.getEntriesByType('resource').map(r => r.transferSize);
                    return parts.reduce((a, b) => a + b, nav.transferSize);""");
            Object listing = driver.executeScript("""
                    return performance.getEntriesByType('resource').map(r => r.name + ' ' + r.transferSize).join('\\n')
                        + '\\n' + location.pathname + ' ' + performance.getEntriesByType('navigation')[0].transferSize;""");
            System.out.println(listing);
            return ((Number) total).longValue();
        } finally {
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
            driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        }
    }

    private record TestTenantSetup(String admin, String pos, String slug, String referralCode) {
    }

    private TestTenantSetup setUp() {
        TestTenant t = newTenant("KZT", "Asia/Almaty", "ru");
        String key = t.adminKey();
        ok(api.post(key, "/api/v1/stores", Map.of("code", "main", "name", "Главная")));
        ok(api.put(key, "/api/v1/program", Map.of("expiry", Map.of("mode", "after_earn", "months", 1),
                "expiryReminderDays", List.of(45, 7),
                "referral", Map.of("referrerPoints", 200, "refereePoints", 100, "qualifyingSpend", "0"))));
        ok(api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5")));
        ok(api.put(key, "/api/v1/tiers", Map.of("metric", "spend", "window", Map.of("type", "lifetime"),
                "graceDays", 0, "levels", List.of(Map.of("code", "base", "name", "База", "threshold", "0"),
                        Map.of("code", "gold", "name", "Золото", "threshold", "20000",
                                "benefits", Map.of("perks", List.of("Кофе в подарок")))))));
        ok(api.post(key, "/api/v1/challenges", Map.of("name", "Каждая 6-я стрижка бесплатно", "metric", "visits",
                "target", 6, "description", "бесплатная стрижка", "reward", Map.of("points", 100))));
        ok(api.post(key, "/api/v1/rewards", Map.of("name", "Кофе", "kind", "gift", "costPoints", 300)));
        ok(api.post(key, "/api/v1/rewards", Map.of("name", "Стрижка", "kind", "gift", "costPoints", 1000)));
        ok(api.post(key, "/api/v1/causes", Map.of("name", "Посади дерево",
                "unit", Map.of("ru", "дерево", "kk", "ағаш", "en", "tree"), "unitForms",
                Map.of("ru", Map.of("one", "дерево", "few", "дерева", "many", "деревьев")),
                "verb", Map.of("ru", "посадили", "kk", "отырғыздық", "en", "planted"),
                "pointsPerUnit", 100, "goalUnits", 10)));
        String slug = slug(t);
        String referrer = newMember(new TestTenant(t.id(), key));
        String code = api.get(key, "/api/v1/members/" + referrer).text("referralCode");
        return new TestTenantSetup(key, newKey(t, "pos"), slug, code);
    }
}
