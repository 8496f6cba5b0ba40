package io.kopilka.web.admin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Screens;
import io.kopilka.testing.browser.BrowserIntegrationTest;
import io.kopilka.testing.browser.Viewport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The catalog's pages in Chromium at a desktop's and a phone's size, each checked by axe-core and
 * photographed (target/screenshots/admin-catalog-*), and a reward added by clicking, a bad one first.
 */
class CatalogBrowserIT extends BrowserIntegrationTest {
    private static final String PASSWORD = "a long enough phrase";
    private String key;

    @BeforeEach
    void tenant() {
        key = newTenant().adminKey();
        browser.driver().manage().deleteAllCookies();
        // A little of seed 004's year, so the pages have something to show.
        api.post(key, "/api/v1/stores", Map.of("code", "abay-10", "name", "Абая, 10"));
        api.put(key, "/api/v1/tiers", Map.of("metric", "spend", "window", Map.of("type", "rolling_months", "months", 12),
                "graceDays", 30, "levels", List.of(
                        Map.of("code", "base", "name", "Базовый", "threshold", "0"),
                        Map.of("code", "gold", "name", "Золотой", "threshold", "100000",
                                "benefits", Map.of("earnMultiplier", "1.5", "perks", List.of("Кофе в подарок"))))));
        api.post(key, "/api/v1/rules", Map.of("name", "Баллы за каждую покупку", "kind", "points_percent",
                "percent", "5"));
        api.post(key, "/api/v1/rules", Map.of("name", "Новогодние баллы x2", "kind", "points_percent", "percent", "10",
                "validFrom", "2026-12-20T00:00:00+05:00", "validTo", "2027-01-11T00:00:00+05:00"));
        api.post(key, "/api/v1/rules", Map.of("name", "Весенняя неделя", "kind", "points_percent", "percent", "7",
                "validFrom", "2026-03-02T00:00:00+05:00", "validTo", "2026-03-09T00:00:00+05:00"));
        api.post(key, "/api/v1/rewards", Map.of("name", "Ёлочная игрушка", "kind", "gift", "costPoints", 300,
                "stock", 50, "validFrom", "2026-12-01T00:00:00+05:00", "validTo", "2026-12-26T00:00:00+05:00"));
        api.post(key, "/api/v1/challenges", Map.of("name", "Каждая 6-я стрижка бесплатно", "metric", "visits",
                "target", 6, "headStart", 1, "reward", Map.of("points", 1000),
                "validFrom", "2026-11-01T00:00:00+05:00", "validTo", "2027-02-01T00:00:00+05:00"));
        api.post(key, "/api/v1/causes", Map.of("name", "Посади дерево", "unit",
                Map.of("ru", "дерево", "kk", "ағаш", "en", "tree"), "unitForms",
                Map.of("ru", Map.of("one", "дерево", "few", "дерева", "many", "деревьев")),
                "pointsPerUnit", 500, "goalUnits", 1000));
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        new Screens(port).createStaff(key, email, "owner", null, PASSWORD);
        browser.open("/login?lang=ru");
        browser.find(By.id("email")).sendKeys(email);
        browser.find(By.id("password")).sendKeys(PASSWORD);
        browser.clickAndLoad(By.cssSelector("form button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/admin");
    }

    @Test
    void eachPageReadsWellOnADesktopAndAPhone() {
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("tiers", "/admin/tiers");
        pages.put("rewards", "/admin/rewards");
        pages.put("reward-new", "/admin/rewards/new");
        pages.put("challenges", "/admin/challenges");
        pages.put("challenge-new", "/admin/challenges/new");
        pages.put("causes", "/admin/causes");
        pages.put("cause-new", "/admin/causes/new");
        pages.put("stores", "/admin/stores");
        pages.put("calendar-month", "/admin/calendar?view=month&year=2026&month=12");
        pages.put("calendar-year", "/admin/calendar?view=year&year=2026");
        for (Viewport size : Viewport.BOTH) {
            browser.resize(size);
            pages.forEach((name, path) -> {
                browser.open(path);
                assertThat(browser.findAll(By.tagName("h1"))).as(path).hasSize(1);
                browser.screenshot("admin-catalog-" + name);
                browser.assertAccessible();
            });
        }
    }

    @Test
    void anOwnerAddsARewardByClickingAfterFixingTheFieldShownInRed() {
        browser.open("/admin/rewards");
        browser.clickAndLoad(By.cssSelector(".page-head a.btn-primary"));
        assertThat(browser.path()).isEqualTo("/admin/rewards/new");
        browser.find(By.id("reward-name-ru")).sendKeys("Бесплатная стрижка");
        browser.find(By.id("reward-name-en")).sendKeys("Free haircut");
        browser.find(By.id("reward-cost")).sendKeys("сто");
        browser.find(By.id("reward-stock")).sendKeys("10");
        browser.click(By.cssSelector("#reward-form button[type=submit]"));
        // htmx swapped the form in place with the error at its field; nothing was written.
        assertThat(browser.find(By.cssSelector("#reward-form .notice.bad")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("reward-cost-error")).getText()).isEqualTo("Только цифры, пожалуйста.");
        assertThat(browser.find(By.id("reward-name-ru")).getAttribute("value")).isEqualTo("Бесплатная стрижка");
        browser.screenshot("admin-catalog-reward-error");
        browser.assertAccessible();

        browser.find(By.id("reward-cost")).clear();
        browser.find(By.id("reward-cost")).sendKeys("1500");
        browser.click(By.cssSelector("#reward-form button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#reward-form .notice.ok")).isDisplayed()).isTrue();
        assertThat(browser.path()).matches("/admin/rewards/[0-9a-f-]{36}");

        browser.open("/admin/rewards");
        assertThat(browser.find(By.cssSelector("tbody")).getText()).contains("Бесплатная стрижка", "1 500");
        var items = api.get(key, "/api/v1/rewards").json().path("items");
        assertThat(items).anySatisfy(r -> assertThat(r.path("name").asString()).isEqualTo("Бесплатная стрижка"));

        // Archived from the list, in place.
        String row = "tr:has(a[href^='/admin/rewards/']):nth-of-type(2)";
        browser.click(By.cssSelector(row + " form button"));
        assertThat(browser.find(By.cssSelector(row)).getText()).contains("В архиве");
    }

    @Test
    void theCalendarMovesBetweenMonthsAndTheYear() {
        browser.open("/admin/calendar?view=month&year=2026&month=12");
        assertThat(browser.find(By.id("cal-heading")).getText()).isEqualToIgnoringCase("Декабрь 2026");
        assertThat(browser.findAll(By.cssSelector(".cal-day.overlap"))).isNotEmpty();
        browser.clickAndLoad(By.cssSelector(".cal-nav a[rel=next]"));
        assertThat(browser.find(By.id("cal-heading")).getText()).isEqualToIgnoringCase("Январь 2027");
        browser.clickAndLoad(By.id("switch-view"));
        assertThat(browser.path()).isEqualTo("/admin/calendar?view=year&year=2027");
        browser.clickAndLoad(By.cssSelector(".cal-nav a[rel=prev]"));
        assertThat(browser.findAll(By.cssSelector(".cal-row"))).hasSize(12);
        assertThat(browser.findAll(By.cssSelector(".cal-span.gap"))).isNotEmpty();
    }
}
