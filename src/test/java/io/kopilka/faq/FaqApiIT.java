package io.kopilka.faq;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The FAQ through the API: defaults, replacing, bounds, reset, audit, and each tenant its own. */
class FaqApiIT extends IntegrationTest {

    private static Map<String, Object> item(String question, String answer) {
        return Map.of("question", question, "answer", answer);
    }

    @Test
    void aTenantStartsWithTheDefaultsInEachLanguage() {
        TestTenant t = newTenant();
        JsonNode ru = api.get(t.adminKey(), "/api/v1/faq").json();
        assertThat(ru.path("locale").asString()).isEqualTo("ru");
        assertThat(ru.path("custom").asBoolean()).isFalse();
        assertThat(ru.path("items")).hasSize(7);
        assertThat(ru.path("items").get(0).path("question").asString()).isEqualTo("Как копить баллы?");
        JsonNode kk = api.get(t.adminKey(), "/api/v1/faq?locale=kk").json();
        assertThat(kk.path("items").get(0).path("question").asString()).isEqualTo("Ұпайды қалай жинаймын?");
        JsonNode en = api.get(t.adminKey(), "/api/v1/faq?locale=en").json();
        assertThat(en.path("items").get(2).path("question").asString()).isEqualTo("Do points expire?");
        assertThat(api.get(t.adminKey(), "/api/v1/faq?locale=de").status()).isEqualTo(422);
    }

    @Test
    void replacingKeepsTheOrderAndIsAuditedAndResetGoesBack() {
        TestTenant t = newTenant();
        Api.Response put = api.put(t.adminKey(), "/api/v1/faq/kk", Map.of("items", List.of(
                item("  Кофе бар ма?  ", "Иә, әрқашан."), item("Ұпай қайда?", "Кассада."))));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode kk = api.get(t.adminKey(), "/api/v1/faq?locale=kk").json();
        assertThat(kk.path("custom").asBoolean()).isTrue();
        assertThat(kk.path("items")).hasSize(2);
        assertThat(kk.path("items").get(0).path("question").asString()).isEqualTo("Кофе бар ма?");
        assertThat(kk.path("items").get(1).path("answer").asString()).isEqualTo("Кассада.");
        // The other languages still read the defaults.
        assertThat(api.get(t.adminKey(), "/api/v1/faq?locale=ru").json().path("custom").asBoolean()).isFalse();

        // An empty list is the owner's too: no questions, not the defaults.
        api.put(t.adminKey(), "/api/v1/faq/en", Map.of("items", List.of()));
        JsonNode en = api.get(t.adminKey(), "/api/v1/faq?locale=en").json();
        assertThat(en.path("custom").asBoolean()).isTrue();
        assertThat(en.path("items")).isEmpty();

        JsonNode audit = api.get(t.adminKey(), "/api/v1/audit?objectType=faq&objectId=kk").json();
        assertThat(audit.toString()).contains("faq.updated").contains("Кофе бар ма?");

        Api.Response reset = api.delete(t.adminKey(), "/api/v1/faq/kk");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().path("custom").asBoolean()).isFalse();
        assertThat(api.get(t.adminKey(), "/api/v1/faq?locale=kk").json().path("items")).hasSize(7);
        assertThat(api.get(t.adminKey(), "/api/v1/audit?objectType=faq&objectId=kk").json().toString())
                .contains("faq.reset");
    }

    @Test
    void outOfBoundsIs422AtTheFieldAndWritesNothing() {
        TestTenant t = newTenant();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            many.add(item("Q" + i, "A"));
        }
        Api.Response tooMany = api.put(t.adminKey(), "/api/v1/faq/ru", Map.of("items", many));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body()).contains("\"items\"");

        Api.Response bad = api.put(t.adminKey(), "/api/v1/faq/ru", Map.of("items", List.of(
                item("x".repeat(201), "ok"), item("ok", "y".repeat(2001)), item(" ", "ok"))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("items[0].question").contains("items[1].answer").contains("items[2].question");
        assertThat(api.put(t.adminKey(), "/api/v1/faq/ru", Map.of()).status()).isEqualTo(422);
        assertThat(api.put(t.adminKey(), "/api/v1/faq/de", Map.of("items", List.of())).status()).isEqualTo(404);
        assertThat(api.delete(t.adminKey(), "/api/v1/faq/xx").status()).isEqualTo(404);

        // 200 characters exactly, emoji counted as one each, as PostgreSQL counts them.
        assertThat(api.put(t.adminKey(), "/api/v1/faq/ru", Map.of("items", List.of(
                item("☕".repeat(200), "😀".repeat(2000))))).status()).isEqualTo(200);
        assertThat(api.put(t.adminKey(), "/api/v1/faq/en", Map.of("items", many)).status()).isEqualTo(422);
        assertThat(api.get(t.adminKey(), "/api/v1/faq?locale=en").json().path("custom").asBoolean()).isFalse();
    }

    @Test
    void eachTenantSeesOnlyItsOwnAndATillKeyMayNotTouchIt() {
        TestTenant mine = newTenant();
        TestTenant other = newTenant();
        api.put(mine.adminKey(), "/api/v1/faq/ru", Map.of("items", List.of(item("Мой вопрос?", "Мой ответ."))));
        JsonNode theirs = api.get(other.adminKey(), "/api/v1/faq?locale=ru").json();
        assertThat(theirs.path("custom").asBoolean()).isFalse();
        assertThat(theirs.toString()).doesNotContain("Мой вопрос?");

        String pos = newKey(mine, "pos");
        assertThat(api.get(pos, "/api/v1/faq").status()).isEqualTo(403);
        assertThat(api.put(pos, "/api/v1/faq/ru", Map.of("items", List.of())).status()).isEqualTo(403);
        assertThat(api.delete(pos, "/api/v1/faq/ru").status()).isEqualTo(403);
        assertThat(api.get(null, "/api/v1/faq").status()).isEqualTo(401);
    }
}
