package io.kopilka.web.admin.faq;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** /admin/faq: the owner's questions per language, edited row by row, saved, refused at the field, reset. */
class FaqPagesIT extends IntegrationTest {
    private TestTenant tenant;
    private Screens owner;

    @BeforeEach
    void signIn() {
        tenant = newTenant();
        owner = Screens.signedIn(port, tenant.adminKey(), "owner", null);
    }

    private JsonNode faq(String locale) {
        return api.get(tenant.adminKey(), "/api/v1/faq?locale=" + locale).json();
    }

    /** The editor's fields as a browser would send them, with the button pressed. */
    private static Map<String, String> form(Document page, String action) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("locale", page.selectFirst("#faq-editor input[name=locale]").val());
        page.select("#faq-editor input[name^=q-]").forEach(i -> form.put(i.attr("name"), i.val()));
        page.select("#faq-editor textarea[name^=a-]").forEach(t -> form.put(t.attr("name"), t.val()));
        form.put("action", action);
        return form;
    }

    @Test
    void theOwnerSeesTheDefaultsTheirLanguagesAndWhatCustomersReadAboutTheProgram() {
        Screens.Page page = owner.get("/admin/faq?locale=ru");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        Document html = page.html();
        assertThat(html.select("h1")).hasSize(1);
        assertThat(html.select("nav.tabs a")).hasSize(3);
        assertThat(html.select("nav.tabs a[aria-current=page]").text()).isEqualTo("Русский");
        assertThat(html.select("#faq-editor fieldset.faq-row")).hasSize(7);
        assertThat(html.getElementById("faq-q-0").val()).isEqualTo("Как копить баллы?");
        assertThat(html.select("label[for=faq-a-6]")).hasSize(1);
        // "How points work" in the three languages, from the default program.
        assertThat(html.select(".faq-how-language")).hasSize(3);
        assertThat(html.select(".faq-how-language[lang=ru] li").eachText()).contains("1 балл = 1 ₸.", "Баллы не сгорают.");
        assertThat(html.select(".faq-how-language[lang=kk] li").eachText()).contains("Ұпайлардың мерзімі шектелмеген.");
        assertThat(html.select(".faq-how-language[lang=en] li").eachText()).contains("Points never expire.");
        assertThat(html.select("a[href*=/w/]").attr("href")).endsWith("/how?lang=ru");
        assertThat(html.select("nav a[href=/admin/faq]")).hasSize(1);
    }

    @Test
    void rowsAreAddedMovedAndRemovedWithoutSavingThenSaved() {
        Document page = owner.get("/admin/faq?locale=en").html();
        Screens.Page added = owner.hxPost("/admin/faq", form(page, "add"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.html().select("fieldset.faq-row")).hasSize(8);
        assertThat(faq("en").path("custom").asBoolean()).isFalse();

        Map<String, String> f = form(added.html(), "up-7");
        f.put("q-7", "Is there Wi-Fi?");
        f.put("a-7", "Yes: the password is on the receipt.");
        Document moved = owner.hxPost("/admin/faq", f).html();
        assertThat(moved.getElementById("faq-q-6").val()).isEqualTo("Is there Wi-Fi?");
        Document removed = owner.hxPost("/admin/faq", form(moved, "remove-0")).html();
        assertThat(removed.select("fieldset.faq-row")).hasSize(7);

        // A plain post (no JavaScript) saves and comes back saying so.
        Screens.Page saved = owner.post("/admin/faq", form(removed, "save"));
        assertThat(saved.status()).isEqualTo(302);
        Screens.Page again = owner.follow(saved);
        assertThat(again.html().select(".notice.ok")).hasSize(1);
        JsonNode en = faq("en");
        assertThat(en.path("custom").asBoolean()).isTrue();
        assertThat(en.path("items")).hasSize(7);
        assertThat(en.path("items").get(0).path("question").asString()).isEqualTo("How do I pay with points?");
        assertThat(en.path("items").get(5).path("question").asString()).isEqualTo("Is there Wi-Fi?");
        assertThat(api.get(tenant.adminKey(), "/api/v1/audit?objectType=faq&objectId=en").json().toString())
                .contains("faq.updated").contains("\"type\":\"staff\"");
    }

    @Test
    void aBadRowIsShownAtItsFieldAndNothingIsWrittenThenResetGoesBackToTheDefaults() {
        Document page = owner.get("/admin/faq?locale=kk").html();
        Map<String, String> f = form(page, "save");
        f.put("q-1", "");
        f.put("a-2", "ж".repeat(2001));
        Screens.Page refused = owner.post("/admin/faq", f);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.html().select(".notice.bad")).hasSize(1);
        // The errors speak the owner's language (Russian here), the rows the language being edited.
        assertThat(refused.html().getElementById("faq-q-1").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.html().getElementById("faq-a-2-error").text()).isEqualTo("От 1 до 2000 символов.");
        assertThat(faq("kk").path("custom").asBoolean()).isFalse();

        f = form(page, "save");
        f.put("q-0", "Кофе тегін бе?");
        assertThat(owner.hxPost("/admin/faq", f).status()).isEqualTo(200);
        assertThat(faq("kk").path("items").get(0).path("question").asString()).isEqualTo("Кофе тегін бе?");

        Screens.Page reset = owner.hxPost("/admin/faq", form(owner.get("/admin/faq?locale=kk").html(), "reset"));
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.html().getElementById("faq-q-0").val()).isEqualTo("Ұпайды қалай жинаймын?");
        assertThat(faq("kk").path("custom").asBoolean()).isFalse();
    }

    @Test
    void anotherTenantsOwnerSeesOnlyTheirOwnAndManagersAndCashiersMayNotOpenIt() {
        api.put(tenant.adminKey(), "/api/v1/faq/ru", Map.of("items", List.of(
                Map.of("question", "Секретный вопрос?", "answer", "Только наш."))));
        TestTenant other = newTenant();
        Screens stranger = Screens.signedIn(port, other.adminKey(), "owner", null);
        Screens.Page theirs = stranger.get("/admin/faq?locale=ru");
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.body()).doesNotContain("Секретный вопрос?");
        assertThat(owner.get("/admin/faq?locale=ru").body()).contains("Секретный вопрос?");

        Screens manager = Screens.signedIn(port, tenant.adminKey(), "manager", null);
        assertThat(manager.get("/admin/faq").status()).isEqualTo(403);
        assertThat(manager.get("/admin").html().select("nav a[href=/admin/faq]")).isEmpty();
        Map<String, String> f = form(owner.get("/admin/faq?locale=ru").html(), "reset");
        assertThat(manager.post("/admin/faq", f).status()).isEqualTo(403);
        api.post(tenant.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Абая, 10"));
        Screens cashier = Screens.signedIn(port, tenant.adminKey(), "cashier", List.of("main"));
        assertThat(cashier.get("/admin/faq").status()).isEqualTo(403);
        assertThat(owner.postExactly("/admin/faq", f, false).status()).isEqualTo(403);
        assertThat(faq("ru").path("custom").asBoolean()).isTrue();
    }
}
