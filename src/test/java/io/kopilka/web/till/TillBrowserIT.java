package io.kopilka.web.till;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Screens;
import io.kopilka.testing.browser.BrowserIntegrationTest;
import io.kopilka.testing.browser.Viewport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A cashier's five seconds in Chromium, on a phone and on a tablet: find, pick the store's frequent items,
 * quote, pay with points, commit, return.
 */
class TillBrowserIT extends BrowserIntegrationTest {
    private static final Viewport TABLET = new Viewport(1024, 768);

    private long purchases(TestTenant t) {
        return jdbc.sql("SELECT count(*) FROM purchase WHERE tenant_id = :t").param("t", UUID.fromString(t.id()))
                .query(Long.class).single();
    }

    @Test
    void aCashierFindsAPhoneTypedWithSpacesPaysWithPointsCommitsOnceAndRecordsAReturn() {
        for (Viewport size : List.of(Viewport.PHONE, TABLET)) {
            TestTenant t = newTenant();
            assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Main")).status())
                    .isEqualTo(201);
            String phone = randomPhone();
            String id = newMember(t, Map.of("phone", phone, "name", "Айгерим Сейтова")).text("id");
            api.post(t.adminKey(), "/api/v1/members/" + id + "/gifts", Map.of("points", 1000, "reason", "за ожидание"));
            assertThat(api.put(t.adminKey(), "/api/v1/members/" + id + "/note",
                    Map.of("text", "Приводит сына на детскую стрижку. Кофе без сахара.")).status()).isEqualTo(200);
            sellItems(t);
            long before = purchases(t);
            String email = "cashier-" + UUID.randomUUID() + "@example.test";
            new Screens(port).createStaff(t.adminKey(), email, "cashier", List.of("main"), "a long enough phrase");
            browser.driver().manage().deleteAllCookies();
            browser.resize(size);
            String name = size == TABLET ? "tablet" : "phone";
            browser.open("/login?lang=ru");
            browser.find(By.id("email")).sendKeys(email);
            browser.find(By.id("password")).sendKeys("a long enough phrase");
            browser.clickAndLoad(By.cssSelector("form button[type=submit]"));
            assertThat(browser.path()).isEqualTo("/till");
            browser.screenshot("till-find-" + name);
            browser.assertAccessible();

            String d = phone.substring(2);
            var html = browser.find(By.tagName("html"));
            browser.find(By.id("till-find")).sendKeys("8 " + d.substring(0, 3) + " " + d.substring(3, 6) + " "
                    + d.substring(6, 8) + " " + d.substring(8) + Keys.ENTER);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(html));
            browser.settle();
            assertThat(browser.path()).isEqualTo("/till/members/" + id);
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("focus on the amount")
                    .isEqualTo("till-amount");
            assertThat(browser.find(By.cssSelector(".till-note-text")).getText())
                    .isEqualTo("Приводит сына на детскую стрижку. Кофе без сахара.");

            browser.find(By.id("till-amount")).sendKeys("10000");
            waitFor(By.cssSelector("#till-quote .till-payable"));
            browser.find(By.cssSelector("label[for=till-redeem]")).click();
            waitFor(By.cssSelector("#till-quote input[name=redeemPoints]"));
            browser.settle();
            assertThat(browser.find(By.cssSelector("#till-quote .till-payable")).getText()).contains("9");
            browser.screenshot("till-check-" + name);
            browser.assertAccessible();

            // Two haircuts and a shampoo from the store's list, beside the total typed for other goods.
            assertThat(browser.driver().findElements(By.cssSelector(".till-item-name")).stream().map(e -> e.getText())
                    .toList()).containsExactly("Мужская стрижка", "Шампунь", "Оформление бороды");
            browser.find(By.cssSelector("button[data-till-step='1'][aria-controls=till-item-0]")).click();
            browser.find(By.cssSelector("button[data-till-step='1'][aria-controls=till-item-0]")).click();
            browser.find(By.cssSelector("button[data-till-step='1'][aria-controls=till-item-1]")).click();
            browser.find(By.cssSelector("button[data-till-step='1'][aria-controls=till-item-2]")).click();
            browser.find(By.cssSelector("button[data-till-step='-1'][aria-controls=till-item-2]")).click();
            assertThat(browser.find(By.id("till-item-0")).getAttribute("value")).isEqualTo("2");
            assertThat(browser.find(By.id("till-item-2")).getAttribute("value")).isEqualTo("0");
            // 2 × 7 000 + 3 500 + 10 000
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> driver.findElement(By.id("till-quote"))
                    .getText().replaceAll("[\\s\\u00A0\\u202F]", "").contains("27500"));
            browser.settle();
            assertThat(browser.driver().findElements(By.cssSelector(".till-item.is-picked"))).hasSize(2);
            browser.screenshot("till-check-items-" + name);
            browser.assertAccessible();

            // A double tap: two clicks before the first answer comes.
            browser.driver().executeScript("""
                    var b = document.querySelector('#till-check button[type=submit]'); b.click(); b.click();""");
            waitFor(By.cssSelector(".till-result"));
            browser.settle();
            assertThat(browser.find(By.cssSelector(".till-result")).getText().replaceAll("[\\s\\u00A0\\u202F]", "")).contains("1000баллов");
            assertThat(purchases(t)).isEqualTo(before + 1);
            assertThat(jdbc.sql("SELECT string_agg(i.sku || '×' || i.quantity::int, ' ' ORDER BY i.line) FROM purchase p "
                    + "JOIN purchase_item i ON i.tenant_id = p.tenant_id AND i.purchase_id = p.id "
                    + "WHERE p.tenant_id = :t AND p.channel = 'till'").param("t", UUID.fromString(t.id()))
                    .query(String.class).single()).isEqualTo("HAIRCUT×2 SHAMPOO×1 CHECK×1");
            assertThat(api.get(t.adminKey(), "/api/v1/members/" + id + "/balance").json().path("available").asLong())
                    .isLessThan(1000);
            browser.screenshot("till-result-" + name);
            browser.assertAccessible();

            browser.open("/till/members/" + id);
            browser.find(By.cssSelector(".till-purchase summary")).click();
            browser.clickAndLoad(By.cssSelector(".till-purchase form[action$='/return'] button[type=submit]"));
            assertThat(browser.find(By.cssSelector(".till-notice[role=status]")).getText()).isEqualTo("Возврат оформлен.");
            browser.screenshot("till-returned-" + name);
            browser.assertAccessible();
        }
    }

    /** Guests' checks at the cashier's store: haircuts most, then shampoo, then a beard trim. */
    private void sellItems(TestTenant t) {
        Map<String, Object> haircut = Map.of("sku", "HAIRCUT", "name", "Мужская стрижка", "category", "service", "quantity", 1,
                "unitPrice", "7000");
        Map<String, Object> shampoo = Map.of("sku", "SHAMPOO", "name", "Шампунь", "category", "shampoo", "quantity", 1,
                "unitPrice", "3500");
        Map<String, Object> beard = Map.of("sku", "BEARD-TRIM", "name", "Оформление бороды", "category", "service", "quantity", 1,
                "unitPrice", "4000");
        for (List<Map<String, Object>> items : List.<List<Map<String, Object>>>of(List.of(haircut, shampoo),
                List.of(haircut, beard), List.of(haircut), List.of(shampoo))) {
            assertThat(api.post(t.adminKey(), "/api/v1/purchases", Map.of("externalId", UUID.randomUUID().toString(),
                    "storeCode", "main", "items", items)).status()).isEqualTo(201);
        }
    }

    private void waitFor(By selector) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d.findElements(selector).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("till-debug");
            System.out.println("DEBUG " + browser.driver().executeScript(
                    "return (typeof htmx) + ' ' + document.getElementById('content').outerHTML"));
            throw e;
        }
    }
}
