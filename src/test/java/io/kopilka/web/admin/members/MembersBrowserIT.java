package io.kopilka.web.admin.members;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Screens;
import io.kopilka.testing.browser.BrowserIntegrationTest;
import io.kopilka.testing.browser.Viewport;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The members' pages in Chromium: a phone typed the Kazakh way finds the member, and a gift is given in place. */
class MembersBrowserIT extends BrowserIntegrationTest {

    @Test
    void anOwnerFindsAMemberByAPhoneTypedTheKazakhWayAndGivesAGift() {
        TestTenant t = newTenant();
        String phone = randomPhone();
        String id = newMember(t, Map.of("phone", phone, "name", "Айгерим Сейтова", "email", "aigerim@example.kz",
                "attributes", Map.of("дети", 2, "кофе", "на овсяном"))).text("id");
        api.post(t.adminKey(), "/api/v1/members/" + id + "/gifts", Map.of("points", 250, "reason", "за ожидание"));
        for (int i = 0; i < 3; i++) {
            newMember(t, Map.of("phone", randomPhone(), "name", "Клиент " + (i + 1)));
        }
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        new Screens(port).createStaff(t.adminKey(), email, "owner", null, "a long enough phrase");
        browser.driver().manage().deleteAllCookies();
        browser.open("/login?lang=ru");
        browser.find(By.id("email")).sendKeys(email);
        browser.find(By.id("password")).sendKeys("a long enough phrase");
        browser.clickAndLoad(By.cssSelector("form button[type=submit]"));

        browser.open("/admin/members");
        browser.screenshot("admin-members-list");
        browser.assertAccessible();

        String d = phone.substring(2);
        browser.find(By.id("q")).sendKeys("8 " + d.substring(0, 3) + " " + d.substring(3, 6) + " "
                + d.substring(6, 8) + " " + d.substring(8));
        By found = By.cssSelector("#results a[href='/admin/members/" + id + "']");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(drv ->
                drv.findElements(By.cssSelector("#results a[href^='/admin/members/']")).size() == 1
                        && !drv.findElements(found).isEmpty());
        browser.settle().clickAndLoad(found);
        assertThat(browser.path()).isEqualTo("/admin/members/" + id);
        browser.screenshot("admin-members-member");
        browser.assertAccessible();

        browser.find(By.id("gift-points")).sendKeys("150");
        browser.find(By.id("gift-reason")).sendKeys("долгое ожидание");
        browser.click(By.cssSelector("#gift-h ~ form button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#member-body .notice.ok")).getText()).isEqualTo("Подарок начислен.");
        assertThat(browser.path()).as("answered in place").isEqualTo("/admin/members/" + id);
        assertThat(browser.find(By.cssSelector(".card .figure")).getText()).isEqualTo("400");
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + id + "/balance").json().path("available").asLong())
                .isEqualTo(400);

        browser.click(By.cssSelector("#gift-h ~ form button[type=submit]"));
        assertThat(browser.find(By.cssSelector("#gift-reason-error")).getText()).isNotBlank();
        browser.assertAccessible();

        for (String part : new String[] {"history", "profile-h", "coupons-h", "level-h"}) {
            browser.driver().executeScript("document.getElementById(arguments[0]).scrollIntoView()", part);
            browser.screenshot("admin-members-member-" + part);
        }

        browser.resize(Viewport.PHONE).open("/admin/members/" + id);
        browser.screenshot("admin-members-member");
        browser.assertAccessible();
        browser.driver().executeScript("document.getElementById('history').scrollIntoView()");
        browser.screenshot("admin-members-member-history");
        browser.open("/admin/members");
        browser.screenshot("admin-members-list");
        browser.assertAccessible();
    }
}
