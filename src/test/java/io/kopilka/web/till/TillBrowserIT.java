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

/** A cashier's five seconds in Chromium, on a phone and on a tablet: find, quote, pay with points, commit, return. */
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

            browser.find(By.id("till-amount")).sendKeys("10000");
            waitFor(By.cssSelector("#till-quote .till-payable"));
            browser.find(By.cssSelector("label[for=till-redeem]")).click();
            waitFor(By.cssSelector("#till-quote input[name=redeemPoints]"));
            browser.settle();
            assertThat(browser.find(By.cssSelector("#till-quote .till-payable")).getText()).contains("9");
            browser.screenshot("till-check-" + name);
            browser.assertAccessible();

            // A double tap: two clicks before the first answer comes.
            browser.driver().executeScript("""
                    var b = document.querySelector('#till-check button[type=submit]'); b.click(); b.click();""");
            waitFor(By.cssSelector(".till-result"));
            browser.settle();
            assertThat(browser.find(By.cssSelector(".till-result")).getText().replaceAll("[\\s\\u00A0\\u202F]", "")).contains("1000баллов");
            assertThat(purchases(t)).isEqualTo(1);
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
