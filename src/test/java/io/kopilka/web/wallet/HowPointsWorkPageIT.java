package io.kopilka.web.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.Screens;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** /w/{slug}/how: public, in the reader's language, this business's program and questions only. */
class HowPointsWorkPageIT extends IntegrationTest {

    private TestTenant cafe() {
        TestTenant t = newTenant();
        api.put(t.adminKey(), "/api/v1/program", Map.of("pointValue", "1.00", "maxRedeemShare", "0.30",
                "expiry", Map.of("mode", "after_earn", "months", 12), "expiryReminderDays", List.of(30, 7)));
        assertThat(api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "Кэшбэк", "kind", "points_percent",
                "percent", "5")).status()).isEqualTo(201);
        return t;
    }

    @Test
    void theProgramAndTheQuestionsInEachLanguageWithoutSigningIn() {
        TestTenant t = cafe();
        Screens anyone = new Screens(port);
        Screens.Page ru = anyone.get("/w/" + slug(t) + "/how?lang=ru");
        assertThat(ru.status()).as(ru.toString()).isEqualTo(200);
        Document html = ru.html();
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("ru");
        assertThat(html.select(".how-sentences li").eachText()).containsExactly(
                "5% от каждой покупки возвращается вам баллами.", "1 балл = 1 ₸.",
                "Баллами можно оплатить до 30% покупки.", "Баллы действуют 12 месяцев с покупки, за которую начислены.",
                "Мы напомним за 30 и 7 дней до того, как баллы сгорят.");
        assertThat(html.select("details.how-question summary")).hasSize(7);
        assertThat(html.select("details.how-question summary").first().text()).isEqualTo("Как копить баллы?");

        // The choice is kept on the device: the next visit without ?lang= reads Kazakh.
        Screens.Page kk = anyone.get("/w/" + slug(t) + "/how?lang=kk");
        assertThat(kk.html().select(".how-sentences li").first().text())
                .isEqualTo("Әр сатып алудың 5% сізге ұпаймен қайтады.");
        assertThat(anyone.get("/w/" + slug(t) + "/how").html().selectFirst("html").attr("lang")).isEqualTo("kk");

        Screens.Page en = new Screens(port).get("/w/" + slug(t) + "/how?lang=en");
        assertThat(en.html().select(".how-sentences li").first().text())
                .isEqualTo("5% of every purchase comes back to you as points.");
        assertThat(en.html().select("details.how-question summary").first().text()).isEqualTo("How do I earn points?");
        // Without a choice: the business's language.
        assertThat(new Screens(port).get("/w/" + slug(t) + "/how").html().selectFirst("html").attr("lang"))
                .isEqualTo("ru");
    }

    @Test
    void anUnknownSlugIsANotFoundPage() {
        Screens.Page missing = new Screens(port).get("/w/no-such-business-here/how?lang=en");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.html().select("h1").text()).isEqualTo("Nothing here");
    }

    @Test
    void anotherBusinessesQuestionsAreNeverShown() {
        TestTenant mine = cafe();
        TestTenant other = newTenant();
        api.put(other.adminKey(), "/api/v1/faq/ru", Map.of("items", List.of(
                Map.of("question", "Чужой вопрос?", "answer", "Чужой ответ."))));
        api.put(mine.adminKey(), "/api/v1/faq/ru", Map.of("items", List.of(
                Map.of("question", "Есть ли парковка?", "answer", "Да, во дворе."))));
        Document page = new Screens(port).get("/w/" + slug(mine) + "/how?lang=ru").html();
        assertThat(page.select("details.how-question summary").eachText()).containsExactly("Есть ли парковка?");
        assertThat(page.text()).doesNotContain("Чужой");
        Document theirs = new Screens(port).get("/w/" + slug(other) + "/how?lang=ru").html();
        assertThat(theirs.select("details.how-question summary").eachText()).containsExactly("Чужой вопрос?");
        // The other business has no rule: its page does not speak of 5%.
        assertThat(theirs.text()).doesNotContain("5%");
    }
}
