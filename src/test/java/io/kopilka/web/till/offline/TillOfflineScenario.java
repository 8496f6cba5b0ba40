package io.kopilka.web.till.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.browser.BrowserIntegrationTest;
import io.kopilka.testing.browser.CuttableLink;
import io.kopilka.testing.browser.Viewport;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The till when the network drops, in Chromium: a cashier has a member's check open, the network goes,
 * two purchases are kept in the browser (not one with points or items), a reload while offline still shows the till and the two,
 * and when the network is back each is recorded exactly once. How the check is opened is the
 * subclass's: the till's own page ({@link TillOfflineBrowserIT}) or a stand-in of it.
 */
abstract class TillOfflineScenario extends BrowserIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(40);

    private static CuttableLink link;
    protected TestTenant tenant;

    /** The browser reaches the application through a link the test cuts: the page and its worker alike. */
    @Override
    protected int browserPort() {
        if (link == null) {
            link = CuttableLink.to(port);
        }
        return link.port();
    }

    @AfterAll
    static void closeTheLink() {
        if (link != null) {
            link.close();
            link = null;
        }
    }

    /** The network drops: nothing reaches the server, and the page is told it is offline. */
    private void networkDown() {
        link.cut();
        browser.network(false);
    }

    private void networkBack() {
        link.join();
        browser.network(true);
    }

    /** Opens, in the signed-in browser, the till's check for the member with this card. */
    protected abstract void openTheCheckOf(String card);

    /** Opens the till's page as a cashier would after signing in, so that its worker starts. */
    protected abstract void openTheTill();

    protected WebDriverWait waiting() {
        return new WebDriverWait(browser.driver(), WAIT);
    }

    protected void signInAsCashier() {
        signInAsStaff(tenant, "cashier", java.util.List.of("dostyk"));
    }

    /**
     * Until the till's worker is active. The page that registered it may stay uncontrolled (headless
     * Chromium does not always let {@code clients.claim()} take a page that is already open); every load
     * after activation is the worker's, as it is for a till from its second page on.
     */
    protected void waitForTheWorker() {
        waiting().withMessage(() -> "the till's service worker never became active for "
                + browser.driver().getCurrentUrl() + "; its registrations: " + registrations()).until(d ->
                Boolean.TRUE.equals(browser.driver().executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        navigator.serviceWorker.getRegistration(location.href)
                            .then((r) => done(!!(r && r.active && r.active.state === "activated")))
                            .catch(() => done(false));""")));
    }

    /** The page now loaded came through the worker: without that, a reload offline would show nothing. */
    private void assertControlledByTheWorker() {
        assertThat(browser.driver().executeScript("return !!(navigator.serviceWorker && navigator.serviceWorker.controller);"))
                .as(() -> "the till's page is not controlled by its worker; registrations: " + registrations())
                .isEqualTo(Boolean.TRUE);
    }

    /** What the browser knows of the page's workers, for a failure's message. */
    private String registrations() {
        return String.valueOf(browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.getRegistrations()
                    .then((all) => done(JSON.stringify(all.map((r) => ({scope: r.scope,
                        installing: r.installing && r.installing.state, waiting: r.waiting && r.waiting.state,
                        active: r.active && r.active.state})))))
                    .catch((e) => done(String(e)));"""));
    }

    private String status() {
        return browser.find(By.id("till-offline-status")).getText();
    }

    private void waitForStatus(String words) {
        waiting().withMessage(() -> "the till's status never said \"" + words + "\"; it says: " + status())
                .until(d -> status().contains(words));
    }

    private void waitForQueued(int count) {
        waiting().withMessage(() -> "the till never showed " + count + " purchases waiting; it says: " + status())
                .until(d -> browser.findAll(By.cssSelector("#till-offline-status .till-offline-list li")).size()
                        == count);
    }

    private void check(String amount) {
        WebElement input = browser.find(By.cssSelector("#till-check input[name=amount]"));
        input.clear();
        input.sendKeys(amount);
        browser.find(By.cssSelector("#till-check [type=submit]")).click();
    }

    private long purchases() {
        return jdbc.sql("SELECT count(*) FROM purchase WHERE tenant_id = :tenant")
                .param("tenant", UUID.fromString(tenant.id())).query(Long.class).single();
    }

    @Test
    void purchasesKeptOfflineSurviveAReloadAndAreRecordedOnceEachWhenTheNetworkIsBack() {
        tenant = newTenant();
        assertThat(api.post(tenant.adminKey(), "/api/v1/stores", Map.of("code", "dostyk", "name", "Dostyk")).status())
                .isEqualTo(201);
        assertThat(api.post(tenant.adminKey(), "/api/v1/rules", Map.of("name", "10% back", "kind",
                "points_percent", "percent", "10")).status()).isEqualTo(201);
        Api.Response member = newMember(tenant, Map.of("phone", randomPhone(), "name", "Айгерим"));
        String memberId = member.text("id");
        String card = member.text("cardNumber");
        // A guest's itemized check, so that the till's page offers an item to pick.
        assertThat(api.post(tenant.adminKey(), "/api/v1/purchases", Map.of("externalId", UUID.randomUUID().toString(),
                "storeCode", "dostyk", "items", java.util.List.of(Map.of("sku", "HAIRCUT", "name", "Стрижка",
                        "quantity", 1, "unitPrice", "5000")))).status()).isEqualTo(201);
        long before = purchases();
        // Some points to pay with, so that "pay with points" can be ticked (it is off at a zero balance).
        assertThat(api.post(tenant.adminKey(), "/api/v1/members/" + memberId + "/adjustments",
                Map.of("points", 100, "reason", "welcome")).status()).isEqualTo(201);
        signInAsCashier();
        openTheTill();
        waitForTheWorker();
        openTheCheckOf(card);
        assertControlledByTheWorker();

        networkDown();
        try {
            waitForStatus("Нет сети");
            check("4500");
            waitForStatus("Сохранено на этом устройстве");
            String secondId = browser.find(By.cssSelector("#till-check input[name=externalId]")).getDomAttribute("value");
            assertThat(browser.find(By.cssSelector("#till-check input[name=amount]")).getDomProperty("value"))
                    .as("the total is cleared for the next check").isEmpty();
            check("1 200,50");
            waitForQueued(2);
            assertThat(secondId).as("the next check got an id of its own").isNotBlank();

            // Points need the server: with "pay with points" ticked nothing is kept.
            WebElement redeem = browser.find(By.cssSelector("#till-check input[name=redeem]"));
            assertThat(redeem.isEnabled()).as("pay with points can be ticked").isTrue();
            redeem.click();
            check("700");
            waitForStatus("нужна сеть");
            redeem.click();
            // The queue keeps a total alone: with an item picked nothing is kept either.
            WebElement item = browser.find(By.cssSelector("#till-check input[data-till-item]"));
            item.clear();
            item.sendKeys("1");
            check("700");
            waitForStatus("только сумму чека");
            item.clear();
            item.sendKeys("0");
            waitForQueued(2);
            browser.screenshot("till-offline-queued");
            browser.assertAccessible();

            browser.driver().navigate().refresh();
            browser.settle();
            waitForQueued(2);
            assertThat(status()).contains("Ждут отправки: 2");
            afterTheOfflineReload();
            browser.screenshot("till-offline-reloaded");
            browser.assertAccessible();
            browser.resize(Viewport.PHONE).screenshot("till-offline-reloaded");
            browser.resize(Viewport.DESKTOP);
            assertThat(purchases()).as("nothing reached the server while offline").isEqualTo(before);
        } finally {
            networkBack();
        }

        // Sent at the browser's "online" event, else at the till's next try (every 15 s).
        waitForStatus("Сеть вернулась");
        waitForQueued(0);
        browser.screenshot("till-offline-sent");
        assertThat(purchases()).isEqualTo(before + 2);
        JsonNode history = api.get(tenant.adminKey(), "/api/v1/members/" + memberId + "/history").json()
                .path("items");
        var earned = new java.util.ArrayList<Long>();
        history.forEach(entry -> {
            if (entry.path("type").asString().equals("earn")) {
                earned.add(entry.path("points").asLong());
            }
        });
        assertThat(earned).as(history.toString()).containsExactlyInAnyOrder(120L, 450L);
        assertThat(history.size()).as("the two purchases and the welcome points, nothing else").isEqualTo(3);
        assertThat(api.get(tenant.adminKey(), "/api/v1/members/" + memberId + "/balance").json()
                .path("available").asLong()).isEqualTo(670);

        // The till syncs again on its timer and at each load: nothing more is recorded.
        browser.driver().navigate().refresh();
        browser.settle();
        assertThat(browser.findAll(By.cssSelector("#till-offline-status .till-offline-list li"))).isEmpty();
        assertThat(purchases()).isEqualTo(before + 2);
    }

    /** What else a reload while offline must show; the stand-in checks the page came from the worker. */
    protected void afterTheOfflineReload() {
    }
}
