package io.kopilka.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.shared.Texts;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTextsTest {
    private static final Currency KZT = Currency.getInstance("KZT");

    private static ChallengeDraft card(String metric, String target) {
        return new ChallengeDocument("Каждая 6-я стрижка бесплатно",
                Map.of("kk", "Әр 6-шы шаш қию тегін", "en", "Every 6th haircut free"), null, metric,
                new BigDecimal(target), null, null, null, null, null, new ChallengeDocument.RewardSpec(10L, null, null),
                null, null, null, null, null).toDraft();
    }

    private static String in(String language, io.kopilka.shared.Text text) {
        return Texts.messages().render(text, language);
    }

    @Test
    void whatIsLeftInEachLanguageWithItsPlural() {
        ChallengeDraft visits = card("visits", "6");
        assertThat(in("ru", ChallengeTexts.left(visits, new BigDecimal(4), KZT)))
                .isEqualTo("Каждая 6-я стрижка бесплатно: ещё 2 визита");
        assertThat(in("ru", ChallengeTexts.left(visits, new BigDecimal(5), KZT)))
                .isEqualTo("Каждая 6-я стрижка бесплатно: ещё 1 визит");
        assertThat(in("ru", ChallengeTexts.left(visits, BigDecimal.ZERO, KZT)))
                .isEqualTo("Каждая 6-я стрижка бесплатно: ещё 6 визитов");
        assertThat(in("kk", ChallengeTexts.left(visits, new BigDecimal(4), KZT)))
                .isEqualTo("Әр 6-шы шаш қию тегін: тағы 2 келу");
        assertThat(in("en", ChallengeTexts.left(visits, new BigDecimal(5), KZT)))
                .isEqualTo("Every 6th haircut free: 1 more visit");
        assertThat(in("ru", ChallengeTexts.left(card("spend", "10000"), new BigDecimal("6500"), KZT)))
                .startsWith("Каждая 6-я стрижка бесплатно: осталось 3").contains("500");
        assertThat(in("ru", ChallengeTexts.completed(visits.names())))
                .isEqualTo("Готово: «Каждая 6-я стрижка бесплатно» — награда ваша!");
    }
}
