package io.kopilka.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser check itself, without the application: a page with known faults must fail
 * {@link Browser#assertAccessible()} with a list that says what and where, and a clean one must pass, so a
 * green browser test means axe really ran.
 */
class AxeBrowserIT {
    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start(0); // no server: the pages are data: URLs
    }

    @AfterAll
    static void quit() {
        browser.close();
    }

    private static void show(String html) {
        browser.resize(Viewport.DESKTOP).driver().get("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        browser.settle();
    }

    @Test
    void aPageWithFaultsFailsWithEachRuleItsImpactWhereAndHowToFixIt() {
        show("<!DOCTYPE html><html><head><title>x</title></head><body><main>"
                + "<img src='logo.png' id='logo'><button></button></main></body></html>");
        assertThat(browser.axe()).extracting(Axe.Violation::rule).contains("image-alt", "button-name", "html-has-lang");
        assertThatThrownBy(browser::assertAccessible).isInstanceOf(AssertionError.class)
                .hasMessageContaining("[critical] image-alt: Images must have alternative text")
                .hasMessageContaining("at #logo")
                .hasMessageContaining("[critical] button-name")
                .hasMessageContaining("at button")
                .hasMessageContaining("[serious] html-has-lang")
                .hasMessageContaining("https://dequeuniversity.com/rules/axe/")
                .hasMessageContaining("at 1280x800");
    }

    @Test
    void aCleanPagePasses() {
        show("<!DOCTYPE html><html lang='ru'><head><title>Касса</title></head><body><main><h1>Касса</h1>"
                + "<img src='logo.png' alt='Копилка'><button>Оплатить</button></main></body></html>");
        browser.assertAccessible();
    }

    @Test
    void screenshotsHaveTheViewportsPixels() throws Exception {
        show("<!DOCTYPE html><html lang='en'><head><title>size</title></head><body><main>size</main></body></html>");
        for (Viewport size : Viewport.BOTH) {
            var file = browser.resize(size).screenshot("axe-self-check");
            var image = javax.imageio.ImageIO.read(file.toFile());
            assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(size.toString());
            assertThat(file.getFileName().toString()).isEqualTo("axe-self-check-" + size + ".png");
        }
    }
}
