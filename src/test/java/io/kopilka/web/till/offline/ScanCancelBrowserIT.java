package io.kopilka.web.till.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.browser.BrowserIntegrationTest;
import io.kopilka.testing.browser.Viewport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.annotation.Import;

/**
 * The camera overlay when there is nothing to read (Chromium's fake camera shows its test pattern):
 * it fills the screen, passes axe, and Esc closes it, releases the camera and gives the focus back
 * to the scan button.
 */
@Import(TillSandbox.class)
class ScanCancelBrowserIT extends BrowserIntegrationTest {

    @Override
    protected List<String> browserArguments() {
        return List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");
    }

    @Test
    void escClosesTheOverlayAndReleasesTheCamera() {
        TestTenant tenant = newTenant();
        assertThat(api.post(tenant.adminKey(), "/api/v1/stores", Map.of("code", "dostyk", "name", "Dostyk")).status())
                .isEqualTo(201);
        signInAsStaff(tenant, "cashier", List.of("dostyk"));

        for (Viewport size : Viewport.BOTH) {
            browser.resize(size).open(TillSandbox.PATH);
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
            By scan = By.cssSelector("button[data-scan-target=till-find]");
            wait.until(d -> browser.find(scan).isDisplayed());
            browser.find(scan).sendKeys(Keys.ENTER);
            wait.withMessage("the camera never played in the overlay").until(d -> Boolean.TRUE.equals(
                    browser.driver().executeScript("var v = document.getElementById('till-scan-video');"
                            + " return v.readyState >= 2 && !!v.srcObject && typeof window.ZXing === 'object';")));
            browser.screenshot("till-scan-looking");
            browser.assertAccessible();

            browser.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
            wait.withMessage("Esc did not close the overlay").until(d -> !browser.find(By.id("till-scan")).isDisplayed());
            assertThat(browser.driver().executeScript("return document.getElementById('till-scan-video').srcObject"))
                    .as("the camera is released").isNull();
            assertThat(browser.driver().switchTo().activeElement().getDomAttribute("data-scan-target"))
                    .as("the focus is back on the scan button").isEqualTo("till-find");
            assertThat(browser.path()).as("nothing was looked up").isEqualTo(TillSandbox.PATH);
        }
    }
}
