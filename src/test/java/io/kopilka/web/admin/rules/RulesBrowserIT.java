package io.kopilka.web.admin.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.Screens;
import io.kopilka.testing.browser.BrowserIntegrationTest;
import io.kopilka.testing.browser.Viewport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The owner's way through the rules in real Chromium: sign in with the form, write a rule whose condition
 * has a mistake, see it at its line and column, fix it, ask what the change would do, save. Screenshots of
 * the list, the editor and the program settings at both sizes, each page checked by axe-core.
 */
class RulesBrowserIT extends BrowserIntegrationTest {

    @Test
    void theOwnerWritesARuleFixesItsConditionSimulatesAndSaves() {
        TestTenant tenant = newTenant();
        String key = tenant.adminKey();
        api.post(key, "/api/v1/stores", Map.of("code", "main", "name", "Main"));
        api.post(key, "/api/v1/rules", json("name", "5% баллами", "kind", "points_percent", "percent", "5"));
        api.post(key, "/api/v1/rules", json("name", "Двойные баллы по вторникам", "kind", "multiplier", "factor", "2",
                "daysOfWeek", List.of("TUE")));
        for (int i = 0; i < 6; i++) {
            String member = newMember(tenant);
            Api.Response r = api.post(key, "/api/v1/purchases", Map.of("externalId", "b" + i, "storeCode", "main",
                    "member", Map.of("id", member), "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1,
                            "unitPrice", String.valueOf(4000 + 1500 * i)))));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        String email = "owner-" + java.util.UUID.randomUUID() + "@example.test";
        new Screens(port).createStaff(key, email, "owner", null, "correct horse battery");

        browser.open("/login");
        browser.find(By.id("email")).sendKeys(email);
        browser.find(By.id("password")).sendKeys("correct horse battery");
        browser.clickAndLoad(By.cssSelector("button[type=submit]"));
        assertThat(browser.path()).doesNotContain("/login");

        browser.open("/admin/rules");
        assertThat(browser.find(By.tagName("h1")).getText()).isNotBlank();
        assertThat(browser.findAll(By.cssSelector("tbody tr"))).hasSize(2);
        browser.screenshot("admin-rules-list");
        browser.assertAccessible();

        browser.clickAndLoad(By.cssSelector(".page-head a.btn-primary"));
        assertThat(browser.path()).startsWith("/admin/rules/new");
        // The kind first: its fields come in place.
        new Select(browser.find(By.id("kind-choice"))).selectByValue("multiplier");
        browser.settle();
        waitFor(By.id("factor"));
        new Select(browser.find(By.id("kind-choice"))).selectByValue("points_fixed");
        browser.settle();
        waitFor(By.id("points"));
        assertThat(browser.findAll(By.id("factor"))).isEmpty();

        browser.find(By.id("name")).sendKeys("Бонус за большой чек");
        browser.find(By.id("points")).sendKeys("200");
        browser.find(By.id("condition")).sendKeys("purchase.total > 7000.0 &&& true");
        browser.click(By.id("save"));
        WebElement error = waitFor(By.id("condition-error"));
        assertThat(error.getText()).contains("строка 1, столбец");
        assertThat(browser.find(By.id("condition")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(api.get(key, "/api/v1/rules").json().path("items").size()).isEqualTo(2);
        browser.screenshot("admin-rules-edit-error");
        browser.assertAccessible();

        WebElement condition = browser.find(By.id("condition"));
        condition.clear();
        condition.sendKeys("purchase.total > 7000.0");
        browser.click(By.id("simulate"));
        WebElement simulation = waitFor(By.cssSelector("#simulation.shown"));
        assertThat(simulation.findElements(By.cssSelector(".sim-card"))).hasSize(4);
        assertThat(browser.findAll(By.id("condition-error"))).isEmpty();
        browser.driver().executeScript("arguments[0].scrollIntoView()", simulation);
        browser.screenshot("admin-rules-edit");
        browser.assertAccessible();

        browser.click(By.id("save"));
        waitFor(By.cssSelector("#rule-editor .notice.ok"));
        assertThat(browser.path()).matches("/admin/rules/[0-9a-f-]{36}");
        var items = api.get(key, "/api/v1/rules").json().path("items");
        assertThat(items.size()).isEqualTo(3);
        assertThat(items.toString()).contains("purchase.total > 7000.0").contains("Бонус за большой чек");

        browser.open("/admin/program");
        browser.screenshot("admin-program");
        browser.assertAccessible();

        browser.resize(Viewport.PHONE);
        browser.open("/admin/rules");
        browser.screenshot("admin-rules-list");
        browser.assertAccessible();
        browser.open(browser.find(By.cssSelector("tbody th a")).getAttribute("href").replaceFirst("^https?://[^/]+", ""));
        browser.click(By.id("simulate"));
        waitFor(By.cssSelector("#simulation.shown"));
        browser.screenshot("admin-rules-edit");
        browser.assertAccessible();
        browser.open("/admin/program");
        browser.screenshot("admin-program");
        browser.assertAccessible();
    }

    private WebElement waitFor(By selector) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(selector));
    }
}
