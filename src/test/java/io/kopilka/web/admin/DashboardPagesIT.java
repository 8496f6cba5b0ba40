package io.kopilka.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard shows the analytics summary of today and the last 30 days, for owners and managers. */
class DashboardPagesIT extends IntegrationTest {
    private String key;

    @BeforeEach
    void program() {
        key = newTenant("KZT", "Asia/Almaty", "ru").adminKey();
        api.post(key, "/api/v1/stores", Map.of("code", "main", "name", "Главная"));
        api.post(key, "/api/v1/stores", Map.of("code", "second", "name", "Вторая"));
        api.post(key, "/api/v1/rules", Map.of("name", "5% баллами", "kind", "points_percent", "percent", "5"));
        String phone = randomPhone();
        api.post(key, "/api/v1/members", Map.of("phone", phone));
        purchase("d-1", "main", Map.of("phone", phone));
        purchase("d-2", "second", Map.of("phone", phone));
        purchase("d-3", "main", null);
    }

    private void purchase(String id, String store, Map<String, Object> member) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("externalId", id, "storeCode", store,
                "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1, "unitPrice", "4000.00"))));
        if (member != null) {
            body.put("member", member);
        }
        assertThat(api.post(key, "/api/v1/purchases", body).status()).isEqualTo(201);
    }

    @Test
    void theOwnerSeesTodaysFiguresAndTheMonths() {
        Screens owner = Screens.signedIn(port, key, "owner", null);
        Screens.Page page = owner.get("/admin");
        assertThat(page.status()).isEqualTo(200);
        var cards = page.html().select("section").first().select(".card .figure").eachText();
        // Today: 3 purchases, 12 000 ₸, 1 new member, 400 points (5% of two member checks of 4 000)
        assertThat(cards).containsExactly("3", "12\u202F000 ₸", "1", "400");
        assertThat(page.text()).contains("Клиенты программы: 2, гости: 1");
        assertThat(page.html().select("table").last().select("tbody tr")).hasSize(DashboardPage.DAYS);
        assertThat(page.html().select(".chart[data-x]")).hasSize(2);
    }

    @Test
    void aStoreNarrowsThePurchasesAndAnUnknownOneShowsAll() {
        Screens manager = Screens.signedIn(port, key, "manager", null);
        var second = manager.get("/admin?store=second").html().select("section").first().select(".card .figure");
        assertThat(second.first().text()).isEqualTo("1");
        var unknown = manager.get("/admin?store=elsewhere");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.html().select("section").first().select(".card .figure").first().text()).isEqualTo("3");
    }

    @Test
    void anotherBusinessSeesNoneOfIt() {
        Screens stranger = Screens.signedIn(port, newTenant().adminKey(), "owner", null);
        var cards = stranger.get("/admin").html().select("section").first().select(".card .figure").eachText();
        assertThat(cards).containsExactly("0", "0 ₸", "0", "0");
    }
}
