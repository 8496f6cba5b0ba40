package io.kopilka.web.admin.faq;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Screens;
import io.kopilka.testing.browser.BrowserIntegrationTest;
import io.kopilka.testing.browser.Viewport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The FAQ in Chromium: the owner's page at a desktop's size (target/screenshots/console-faq.png), a
 * row moved by clicking (htmx), and the customers' page on a phone (wallet-how.png); axe on each.
 */
class FaqBrowserIT extends BrowserIntegrationTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void theOwnersPageAndTheCustomersPage() {
        TestTenant t = newTenant();
        api.put(t.adminKey(), "/api/v1/program", Map.of("pointValue", "1.00", "maxRedeemShare", "0.30",
                "expiry", Map.of("mode", "after_earn", "months", 12), "expiryReminderDays", List.of(30, 7),
                "welcomePoints", 500));
        api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "Кэшбэк", "kind", "points_percent", "percent", "5"));
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        new Screens(port).createStaff(t.adminKey(), email, "owner", null, PASSWORD);
        browser.open("/login?lang=ru");
        browser.find(By.id("email")).sendKeys(email);
        browser.find(By.id("password")).sendKeys(PASSWORD);
        browser.clickAndLoad(By.cssSelector("form button[type=submit]"));

        browser.resize(Viewport.DESKTOP).open("/admin/faq?locale=ru");
        assertThat(browser.find(By.id("faq-q-0")).getAttribute("value")).isEqualTo("Как копить баллы?");
        browser.click(By.cssSelector("button[name=action][value=down-0]"));
        assertThat(browser.find(By.id("faq-q-1")).getAttribute("value")).isEqualTo("Как копить баллы?");
        // Saved, the list is the owner's; going back to the defaults asks first.
        browser.click(By.cssSelector("button[name=action][value=save]"));
        assertThat(browser.find(By.cssSelector(".notice.ok")).getText()).isEqualTo("Сохранено.");
        browser.driver().findElement(By.cssSelector("button[name=action][value=reset]")).click();
        browser.driver().switchTo().alert().accept();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> browser.driver()
                .findElement(By.id("faq-q-0")).getAttribute("value").equals("Как копить баллы?"));
        browser.open("/admin/faq?locale=ru");
        browser.screenshot("console-faq");
        browser.assertAccessible();
        browser.resize(Viewport.PHONE).open("/admin/faq?locale=kk");
        browser.screenshot("console-faq-phone");
        browser.assertAccessible();

        String slug = jdbc.sql("SELECT slug FROM tenant WHERE id = :id").param("id", UUID.fromString(t.id()))
                .query(String.class).single();
        browser.resize(Viewport.PHONE).open("/w/" + slug + "/how?lang=ru");
        browser.click(By.cssSelector("details.how-question summary"));
        browser.screenshot("wallet-how");
        browser.assertAccessible();
        browser.open("/w/" + slug + "/how?lang=kk");
        browser.screenshot("wallet-how-kk");
        browser.assertAccessible();
        browser.open("/w/nobody-here/how");
        browser.assertAccessible();
        browser.resize(Viewport.DESKTOP);
    }
}
