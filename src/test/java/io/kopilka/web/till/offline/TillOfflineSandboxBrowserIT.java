package io.kopilka.web.till.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.springframework.context.annotation.Import;

/**
 * The same scenario on {@link TillSandbox}, a stand-in of the till's page that keeps the page
 * contract: it runs without the till's own pages, and it counts the page's loads, so it also proves
 * that the reload while offline came from the service worker's copy and not from the server.
 */
@Import(TillSandbox.class)
class TillOfflineSandboxBrowserIT extends TillOfflineScenario {
    private String card;
    private int servedBeforeReload;

    @Override
    protected void openTheTill() {
        clock.set(Instant.now()); // the browser stamps kept purchases with its own clock
        browser.open(TillSandbox.PATH);
    }

    @Override
    protected void openTheCheckOf(String card) {
        this.card = card;
        browser.open(TillSandbox.PATH + "?card=" + card);
        servedBeforeReload = TillSandbox.SERVED.get();
    }

    @Override
    protected void afterTheOfflineReload() {
        assertThat(TillSandbox.SERVED.get()).as("the page came from the worker's copy").isEqualTo(servedBeforeReload);
        assertThat(browser.find(org.openqa.selenium.By.id("till-check")).getDomAttribute("data-member-card"))
                .isEqualTo(card);
    }
}
