package io.kopilka.web.till.offline;

import java.time.Instant;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The offline till on the till's own page (templates/till, io.kopilka.web.till): the cashier lands on
 * /till after signing in, finds the member by card in the find box, and the check form appears.
 */
class TillOfflineBrowserIT extends TillOfflineScenario {

    @Override
    protected void openTheTill() {
        clock.set(Instant.now()); // the browser stamps kept purchases with its own clock
        browser.open("/till");
    }

    @Override
    protected void openTheCheckOf(String card) {
        // Loaded again under the worker, which keeps the page for a reload without network.
        browser.open("/till");
        browser.find(By.id("till-find")).sendKeys(card, Keys.ENTER);
        waiting().withMessage("no check form after looking the card up")
                .until(d -> !browser.findAll(By.id("till-check")).isEmpty());
        browser.settle();
    }
}
