package io.kopilka.web.till;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The check's frequent items: the store's own, most sold first, priced by the server whatever the form
 * says, and an item no longer on the list refused with nothing recorded.
 */
class TillItemsIT extends IntegrationTest {

    private void sell(TestTenant t, String store, Map<String, Object>... items) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/purchases", Map.of("externalId", UUID.randomUUID().toString(),
                "storeCode", store, "items", List.of(items)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private static Map<String, Object> item(String sku, String name, String category, String price) {
        return Map.of("sku", sku, "name", name, "category", category, "quantity", 1, "unitPrice", price);
    }

    private TestTenant shop() {
        TestTenant t = newTenant();
        for (String store : List.of("main", "other")) {
            assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", store, "name", store)).status())
                    .isEqualTo(201);
        }
        return t;
    }

    private long purchases(TestTenant t) {
        return jdbc.sql("SELECT count(*) FROM purchase WHERE tenant_id = :t").param("t", UUID.fromString(t.id()))
                .query(Long.class).single();
    }

    private List<String> lines(TestTenant t, String externalId) {
        return jdbc.sql("""
                SELECT i.sku || ' ' || coalesce(i.name, '-') || ' ' || coalesce(i.category, '-') || ' '
                       || i.quantity::numeric(12, 0) || ' x ' || i.unit_price::numeric(19, 2)
                FROM purchase p JOIN purchase_item i ON i.tenant_id = p.tenant_id AND i.purchase_id = p.id
                WHERE p.tenant_id = :t AND p.external_id = :e ORDER BY i.line""")
                .param("t", UUID.fromString(t.id())).param("e", externalId).query(String.class).list();
    }

    private static List<String> offered(Screens.Page page) {
        return page.html().select("#till-check .till-item input[data-till-item]").eachAttr("name");
    }

    @Test
    void theTillOffersItsStoresFrequentItemsAndPricesThemItself() {
        TestTenant t = shop();
        assertThat(api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "Shampoo 10%", "kind", "points_percent",
                "percent", "10", "itemFilter", Map.of("categories", List.of("shampoo")))).status()).isEqualTo(201);
        var haircut = item("HAIRCUT", "Стрижка", "service", "7000.00");
        sell(t, "main", haircut, item("SHAMPOO", "Шампунь", "care", "3500.00"));
        sell(t, "main", haircut);
        sell(t, "main", haircut, item("SHAMPOO", "Шампунь 250 мл", "shampoo", "3000.00")); // the latest name and price
        for (int i = 0; i < 4; i++) {
            sell(t, "other", item("BEARD", "Борода", "service", "4000.00"));
        }
        TestTenant elsewhere = shop();
        for (int i = 0; i < 4; i++) {
            sell(elsewhere, "main", item("FOREIGN", "Чужое", "service", "100.00"));
        }
        String member = newMember(t, Map.of("phone", randomPhone(), "name", "Асель")).text("id");
        Screens cashier = Screens.signedIn(port, t.adminKey(), "cashier", List.of("main"));
        // The till's own total line is no item to pick.
        assertThat(cashier.hxPost("/till/members/" + member + "/purchases", Map.of("externalId", "till-total",
                "amount", "100")).status()).isEqualTo(200);

        Screens.Page page = cashier.get("/till/members/" + member);
        assertThat(offered(page)).containsExactly("item.HAIRCUT", "item.SHAMPOO");
        assertThat(page.html().select(".till-item-name").eachText()).containsExactly("Стрижка", "Шампунь 250 мл");
        assertThat(page.html().select("#till-check input[name=item.SHAMPOO][type=number][min=0][max=99]")).hasSize(1);
        assertThat(page.html().select("label.visually-hidden[for=till-item-1]").text()).contains("Шампунь 250 мл");
        assertThat(page.html().select("button[data-till-step][aria-controls=till-item-1][aria-label]")).hasSize(2);
        assertThat(page.html().select("input#till-amount[name=amount]")).as("the total stays").hasSize(1);

        // 2 × shampoo at the server's 3 000, and 1 000 of other goods: 7 000; a price in the form is ignored.
        String externalId = page.html().select("input[name=externalId]").attr("value");
        Map<String, String> check = new HashMap<>(Map.of("externalId", externalId, "item.SHAMPOO", "2",
                "item.HAIRCUT", "0", "amount", "1000", "unitPrice", "1", "price.SHAMPOO", "1",
                "items[0].unitPrice", "1"));
        long before = purchases(t);
        Screens.Page quote = cashier.hxPost("/till/members/" + member + "/quote", check);
        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.text().replaceAll("[\\s\\u00A0\\u202F]", "")).contains("7000").contains("600");
        assertThat(purchases(t)).as("a quote records nothing").isEqualTo(before);

        Screens.Page done = cashier.hxPost("/till/members/" + member + "/purchases", check);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.html().select(".till-result")).hasSize(1);
        assertThat(lines(t, externalId)).containsExactly("SHAMPOO Шампунь 250 мл shampoo 2 x 3000.00",
                "CHECK - - 1 x 1000.00");
        Map<String, Object> recorded = jdbc.sql("SELECT subtotal, points_earned FROM purchase WHERE tenant_id = :t "
                + "AND external_id = :e").param("t", UUID.fromString(t.id())).param("e", externalId).query().singleRow();
        assertThat((BigDecimal) recorded.get("subtotal")).isEqualByComparingTo("7000");
        assertThat(recorded.get("points_earned")).as("10% of the shampoo's 6 000 alone").isEqualTo(600L);

        // Items alone, no total: no CHECK line.
        Screens.Page itemsOnly = cashier.hxPost("/till/members/" + member + "/purchases", Map.of("externalId",
                "till-items-only", "item.HAIRCUT", "1"));
        assertThat(itemsOnly.status()).as(itemsOnly.toString()).isEqualTo(200);
        assertThat(lines(t, "till-items-only")).containsExactly("HAIRCUT Стрижка service 1 x 7000.00");
    }

    @Test
    void anItemNoLongerOnTheListABadQuantityOrNothingAtAllIsRefusedAndNothingIsRecorded() {
        TestTenant t = shop();
        sell(t, "main", item("HAIRCUT", "Стрижка", "service", "7000.00"));
        sell(t, "other", item("BEARD", "Борода", "service", "4000.00"));
        String member = newMember(t, Map.of("phone", randomPhone())).text("id");
        Screens cashier = Screens.signedIn(port, t.adminKey(), "cashier", List.of("main"));
        long before = purchases(t);

        for (String sku : List.of("BEARD", "NOPE", "CHECK")) {
            Map<String, String> gone = Map.of("externalId", "till-gone-" + sku, "item." + sku, "1", "amount", "500");
            Screens.Page quote = cashier.hxPost("/till/members/" + member + "/quote", gone);
            assertThat(quote.status()).isEqualTo(200);
            assertThat(quote.html().select(".till-payable")).as(sku).isEmpty();
            assertThat(quote.text()).contains("Этой позиции больше нет в списке");
            Screens.Page refused = cashier.hxPost("/till/members/" + member + "/purchases", gone);
            assertThat(refused.status()).as(sku).isEqualTo(422);
            assertThat(refused.html().select(".till-items.invalid #till-items-error").text())
                    .contains("Этой позиции больше нет в списке");
        }
        Screens.Page badQuantity = cashier.hxPost("/till/members/" + member + "/purchases", Map.of("externalId",
                "till-bad", "item.HAIRCUT", "100"));
        assertThat(badQuantity.status()).isEqualTo(422);
        assertThat(badQuantity.html().select("input[name=item.HAIRCUT][aria-invalid=true]").attr("value")).isEqualTo("100");
        Screens.Page nothing = cashier.hxPost("/till/members/" + member + "/purchases", Map.of("externalId",
                "till-nothing", "item.HAIRCUT", "0"));
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.html().select(".field.invalid input[name=amount]")).hasSize(1);
        assertThat(purchases(t)).isEqualTo(before);

        // Every store at the till: a total alone.
        Screens owner = Screens.signedIn(port, t.adminKey(), "owner", List.of());
        Screens.Page page = owner.get("/till/members/" + member);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select(".till-items")).isEmpty();
        assertThat(page.html().select("input#till-amount")).hasSize(1);
    }
}
