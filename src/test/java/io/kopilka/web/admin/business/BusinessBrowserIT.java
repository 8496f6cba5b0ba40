package io.kopilka.web.admin.business;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

/**
 * The business pages in Chromium at a desktop's and a phone's size: screenshots
 * (target/screenshots/admin-business-*), axe-core's verdict on each, and the owner inviting a cashier
 * and issuing a key by clicking, the one-time link and the key shown in place.
 */
// The in-app mailbox "sends" the welcome e-mail, so the demo mailbox has a letter to show (and the context
// is the one UnsubscribeBrowserIT starts: the same properties share it).
@TestPropertySource(properties = "kopilka.notifications.mailbox=true")
class BusinessBrowserIT extends BrowserIntegrationTest {
    private static final String PASSWORD = "correct horse battery";

    private void signIn(TestTenant tenant) {
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        new Screens(port).createStaff(tenant.adminKey(), email, "owner", null, PASSWORD);
        browser.open("/login");
        browser.find(By.id("email")).sendKeys(email);
        browser.find(By.id("password")).sendKeys(PASSWORD);
        browser.clickAndLoad(By.cssSelector("form button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/admin");
    }

    private void look(String path, String name) {
        for (Viewport size : Viewport.BOTH) {
            browser.resize(size).open(path);
            assertThat(browser.path()).as(path).startsWith(path.replaceAll("\\?.*", ""));
            browser.screenshot("admin-business-" + name);
            browser.assertAccessible();
        }
        browser.resize(Viewport.DESKTOP);
    }

    @Test
    void everyPageIsAccessibleAtBothSizesAndACashierIsInvitedByClicking() {
        TestTenant t = newTenant();
        api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "abay", "name", "Абая, 12"));
        String member = newMember(t, Map.of("phone", randomPhone(), "name", "Айгуль", "locale", "ru",
                "email", "aigul-" + UUID.randomUUID() + "@example.kz", "consents", Map.of("email", true))).text("id");
        String hook = api.post(t.adminKey(), "/api/v1/webhooks", Map.of("url", "https://93.184.215.14/hooks",
                "events", List.of("member.created", "purchase.created"), "description", "CRM")).text("id");
        String list = "/api/v1/notifications?memberId=" + member + "&kind=welcome";
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> api.get(t.adminKey(), list).json()
                .path("items").path(0).path("status").asString().equals("sent"));
        String mail = api.get(t.adminKey(), list).json().path("items").get(0).path("id").asString();
        signIn(t);

        // The flow: invite a cashier for the one store, see the link in place.
        browser.open("/admin/staff");
        browser.find(By.id("invite-name")).sendKeys("Данияр");
        browser.find(By.id("invite-email")).sendKeys("daniyar-" + UUID.randomUUID() + "@example.test");
        new Select(browser.find(By.id("invite-role"))).selectByValue("cashier");
        browser.find(By.id("invite-store-0")).click();
        browser.click(By.cssSelector("#staff-area form button[type=submit]"));
        assertThat(browser.find(By.id("invite-link")).getAttribute("value")).contains("/staff/password/");
        assertThat(browser.find(By.tagName("main")).getText()).contains("Данияр", "кассир");
        browser.click(By.cssSelector("[data-copy=invite-link]"));
        assertThat(browser.find(By.cssSelector("[data-copy=invite-link]")).getText()).isEqualTo("Скопировано");
        for (Viewport size : Viewport.BOTH) {
            browser.resize(size);
            browser.screenshot("admin-business-staff-invited");
            browser.assertAccessible();
        }
        browser.resize(Viewport.DESKTOP);

        // And a key for a till, shown once with its copy button.
        browser.open("/admin/api-keys");
        browser.find(By.id("key-name")).sendKeys("Касса 1");
        browser.click(By.cssSelector("#keys-area form button[type=submit]"));
        assertThat(browser.find(By.id("new-key")).getAttribute("value")).isNotBlank();
        browser.screenshot("admin-business-keys-issued");
        browser.assertAccessible();

        String staffId = api.get(t.adminKey(), "/api/v1/staff").json().path("items").get(0).path("id").asString();
        look("/admin/staff", "staff");
        look("/admin/staff/" + staffId, "staff-member");
        look("/admin/api-keys", "keys");
        look("/admin/webhooks", "webhooks");
        look("/admin/webhooks/" + hook, "webhook");
        look("/admin/audit", "audit");
        look("/admin/notifications", "notifications");
        look("/admin/notifications/templates", "templates");
        look("/admin/notifications/templates/welcome/ru/email", "template");
        look("/admin/notifications/log", "log");
        look("/admin/notifications/mailbox", "mailbox");
        look("/admin/notifications/messages/" + mail, "message");
    }
}
