package io.kopilka.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Screens;
import io.kopilka.testing.browser.BrowserIntegrationTest;
import io.kopilka.testing.browser.Viewport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The console's frame in Chromium: signing in with the form, the language switch, signing out, and a cashier kept out. */
class ConsoleShellBrowserIT extends BrowserIntegrationTest {
    private String key;

    @BeforeEach
    void tenant() {
        key = newTenant().adminKey();
        api.post(key, "/api/v1/stores", Map.of("code", "main", "name", "Main"));
        browser.driver().manage().deleteAllCookies();
    }

    private String staff(String role, List<String> stores) {
        String email = role + "-" + UUID.randomUUID() + "@example.test";
        new Screens(port).createStaff(key, email, role, stores, "a long enough phrase");
        return email;
    }

    private void signIn(String email) {
        browser.open("/login?lang=ru");
        browser.find(By.id("email")).sendKeys(email);
        browser.find(By.id("password")).sendKeys("a long enough phrase");
        browser.clickAndLoad(By.cssSelector("form button[type=submit]"));
    }

    @Test
    void theSignInPageReadsWellOnAPhoneAndADesktop() {
        for (Viewport size : List.of(Viewport.DESKTOP, Viewport.PHONE)) {
            browser.resize(size).open("/login");
            browser.screenshot("staff-login");
            browser.assertAccessible();
        }
        // Headless Chromium asks for English; the page's own switch picks Russian, and it stays picked.
        browser.resize(Viewport.DESKTOP).open("/login?lang=ru");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Вход для сотрудников");
        browser.open("/login");
        browser.find(By.id("email")).sendKeys("nobody@example.test");
        browser.find(By.id("password")).sendKeys("wrong password");
        browser.clickAndLoad(By.cssSelector("form button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/login?error");
        assertThat(browser.find(By.cssSelector("[role=alert]")).getText()).isEqualTo("Неверная почта или пароль.");
    }

    @Test
    void anOwnerSignsInSwitchesTheLanguageAndSignsOut() {
        signIn(staff("owner", null));
        assertThat(browser.path()).isEqualTo("/admin");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Сводка");
        browser.assertAccessible().screenshot("admin-dashboard-frame");

        browser.clickAndLoad(By.cssSelector(".languages button[value=kk]"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Шолу");
        browser.open("/admin"); // remembered from page to page
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("kk");
        browser.clickAndLoad(By.cssSelector(".languages button[value=en]"));
        assertThat(browser.find(By.cssSelector("nav a.current")).getText()).isEqualTo("Dashboard");

        browser.resize(Viewport.PHONE).open("/admin");
        browser.screenshot("admin-dashboard-frame");
        browser.assertAccessible();
        // On a phone the menu is folded until asked for.
        assertThat(browser.find(By.cssSelector("nav a[href='/admin/members']")).isDisplayed()).isFalse();
        browser.find(By.cssSelector("summary.sidebar-toggle")).click();
        assertThat(browser.find(By.cssSelector("nav a[href='/admin/members']")).isDisplayed()).isTrue();

        browser.resize(Viewport.DESKTOP);
        browser.clickAndLoad(By.cssSelector(".who button"));
        assertThat(browser.path()).isEqualTo("/login?signedOut");
        browser.open("/admin");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void aCashierCannotOpenTheConsole() {
        signIn(staff("cashier", List.of("main")));
        browser.open("/admin");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Этот раздел не для вашей роли");
        browser.assertAccessible();
    }
}
