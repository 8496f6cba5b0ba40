package io.kopilka.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.browser.BrowserIntegrationTest;
import io.kopilka.testing.browser.Viewport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The unsubscribe page of a real welcome e-mail, in Chromium at a desktop's and a phone's size: what it says,
 * how it looks (target/screenshots/unsubscribe-*), axe-core's verdict, and the button really withdrawing the
 * member's e-mail consent.
 */
// The in-app mailbox "sends" e-mail without an SMTP server, so a member's welcome carries a real link.
@TestPropertySource(properties = "kopilka.notifications.mailbox=true")
class UnsubscribeBrowserIT extends BrowserIntegrationTest {
    private static final Pattern LINK = Pattern.compile("/u/[0-9a-f]{32}_[A-Za-z0-9_-]{22}");

    /** The unsubscribe path in the member's welcome e-mail, as the log shows the e-mail's HTML. */
    private String unsubscribePath(TestTenant tenant, String member) {
        String list = "/api/v1/notifications?memberId=" + member + "&kind=welcome";
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get(tenant.adminKey(), list).json().path("items").size() == 1);
        JsonNode welcome = api.get(tenant.adminKey(), list).json().path("items").get(0);
        assertThat(welcome.path("channel").asString()).isEqualTo("email");
        String html = api.get(tenant.adminKey(), "/api/v1/notifications/" + welcome.path("id").asString())
                .text("html");
        Matcher link = LINK.matcher(html);
        assertThat(link.find()).as("an unsubscribe link in %s", html).isTrue();
        return link.group();
    }

    private String business(TestTenant tenant) {
        return jdbc.sql("SELECT name FROM tenant WHERE id = :id")
                .param("id", UUID.fromString(tenant.id())).query(String.class).single();
    }

    private List<JsonNode> withdrawalsByLink(TestTenant tenant, String member) {
        List<JsonNode> rows = new ArrayList<>();
        api.get(tenant.adminKey(), "/api/v1/members/" + member + "/consents").json().path("history").forEach(row -> {
            if (row.path("source").asString().equals("unsubscribe_link")) {
                rows.add(row);
            }
        });
        return rows;
    }

    @Test
    void thePageAsksIsAccessibleAtBothSizesAndItsButtonWithdrawsTheEmailConsent() {
        TestTenant tenant = newTenant();
        String member = newMember(tenant, Map.of("phone", randomPhone(), "locale", "ru",
                "email", "bye-" + UUID.randomUUID() + "@example.kz",
                "consents", Map.of("email", true, "sms", true))).text("id");
        String path = unsubscribePath(tenant, member);
        String business = business(tenant);

        for (Viewport size : Viewport.BOTH) {
            browser.resize(size).open(path);
            assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
            assertThat(browser.find(By.tagName("main")).getText()).contains(business);
            browser.screenshot("unsubscribe-ask");
            browser.assertAccessible();
        }
        assertThat(withdrawalsByLink(tenant, member)).as("opening the page withdraws nothing").isEmpty();

        browser.clickAndLoad(By.cssSelector("form button[type=submit]"));
        assertThat(browser.path()).isEqualTo(path);
        assertThat(browser.find(By.tagName("main")).getText()).contains("Готово", business);
        assertThat(browser.findAll(By.tagName("form"))).isEmpty();
        for (Viewport size : Viewport.BOTH) {
            browser.resize(size);
            browser.screenshot("unsubscribe-done");
            browser.assertAccessible();
        }

        Api.Response consents = api.get(tenant.adminKey(), "/api/v1/members/" + member + "/consents");
        assertThat(consents.status()).as(consents.toString()).isEqualTo(200);
        assertThat(consents.json().path("consents").path("email").asBoolean()).isFalse();
        assertThat(consents.json().path("consents").path("sms").asBoolean()).as("only e-mail").isTrue();
        assertThat(withdrawalsByLink(tenant, member)).singleElement().satisfies(row -> {
            assertThat(row.path("channel").asString()).isEqualTo("email");
            assertThat(row.path("granted").asBoolean()).isFalse();
            assertThat(row.path("detail").path("ip").asString()).isEqualTo("127.0.0.1");
            assertThat(row.path("detail").path("userAgent").asString()).contains("HeadlessChrome");
        });
        assertThat(api.get(newTenant().adminKey(), "/api/v1/members/" + member + "/consents").status())
                .as("another tenant's member").isEqualTo(404);
    }
}
