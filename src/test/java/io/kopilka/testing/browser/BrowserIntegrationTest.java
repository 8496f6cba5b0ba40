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

    /**
     * Signs the browser in as a new staff member of {@code tenant} with this role and stores, through the
     * sign-in page as a person would (the cookies of whoever was signed in before are dropped first).
     */
    protected void signInAsStaff(TestTenant tenant, String role, java.util.List<String> stores) {
        String email = role + "-" + java.util.UUID.randomUUID() + "@example.test";
        String password = "a long enough phrase";
        new io.kopilka.testing.Screens(port).createStaff(tenant.adminKey(), email, role, stores, password);
        browser.driver().manage().deleteAllCookies();
        browser.open("/login?lang=ru");
        browser.find(org.openqa.selenium.By.id("email")).sendKeys(email);
        browser.find(org.openqa.selenium.By.id("password")).sendKeys(password);
        browser.clickAndLoad(org.openqa.selenium.By.cssSelector("form button[type=submit]"));
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
