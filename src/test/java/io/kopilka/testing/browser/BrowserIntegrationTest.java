package io.kopilka.testing.browser;

import io.kopilka.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the {@code *BrowserIT} tests: the application of {@link IntegrationTest}, and one headless Chromium
 * for the whole test class ({@link #browser}), started before its first test and quit after its last.
 * Without Chromium and chromedriver the tests fail and say what to install (CI installs them).
 */
public abstract class BrowserIntegrationTest extends IntegrationTest {
    // Static so that one browser serves every test of a class; the port is only known on an instance,
    // hence started in @BeforeEach, once. Test classes run one after another (no parallel execution).
    private static Browser shared;
    protected Browser browser;

    @BeforeEach
    void startBrowser() {
        if (shared == null) {
            shared = Browser.start(browserPort(), browserArguments());
        }
        browser = shared.resize(Viewport.DESKTOP);
    }

    /** The port the browser's pages are on: the application's, unless a test puts something between. */
    protected int browserPort() {
        return port;
    }

    /** More of Chromium's switches for this class's browser (a fake camera, say); none by default. */
    protected java.util.List<String> browserArguments() {
        return java.util.List.of();
    }

    @AfterAll
    static void quitBrowser() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }
}
