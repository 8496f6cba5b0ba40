package io.kopilka.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Screens;
import io.kopilka.testing.browser.BrowserIntegrationTest;
import io.kopilka.testing.browser.Viewport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The dashboard in Chromium: its charts drawn, readable on a phone and a desktop, and accessible. */
class DashboardBrowserIT extends BrowserIntegrationTest {

    @Test
    void theDashboardDrawsItsChartsAtBothSizes() {
        String key = newTenant("KZT", "Asia/Almaty", "ru").adminKey();
        api.post(key, "/api/v1/stores", Map.of("code", "main", "name", "Главная"));
        api.post(key, "/api/v1/rules", Map.of("name", "5% баллами", "kind", "points_percent", "percent", "5"));
        for (int i = 0; i < 4; i++) {
            String phone = randomPhone();
            api.post(key, "/api/v1/members", Map.of("phone", phone));
            api.post(key, "/api/v1/purchases", Map.of("externalId", "b-" + i, "storeCode", "main",
                    "member", Map.of("phone", phone),
                    "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1, "unitPrice", (3000 + 1000 * i) + ".00"))));
        }
        String email = "dash-" + UUID.randomUUID() + "@example.test";
        new Screens(port).createStaff(key, email, "owner", null, "a long enough phrase");
        browser.driver().manage().deleteAllCookies();
        browser.open("/login?lang=ru");
        browser.find(By.id("email")).sendKeys(email);
        browser.find(By.id("password")).sendKeys("a long enough phrase");
        browser.clickAndLoad(By.cssSelector("form button[type=submit]"));
        for (Viewport size : List.of(Viewport.DESKTOP, Viewport.PHONE)) {
            browser.resize(size).open("/admin");
            assertThat(browser.findAll(By.cssSelector(".chart .uplot"))).hasSize(2);
            browser.screenshot("admin-dashboard");
            browser.assertAccessible();
        }
    }
}
