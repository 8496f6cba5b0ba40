package io.kopilka.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A text stored as JSON reads back as the same text, and renders as it did, in every language. */
class TextJsonTest {
    private static final Texts TEXTS = Texts.messages();
    private static final Currency KZT = Currency.getInstance("KZT");

    @Test
    void textsSurviveTheirJson() {
        List<Text> texts = List.of(
                new Text("explanation.points-percent", Map.of("percent", "2.5", "points", 195L,
                        "base", Money.of(new BigDecimal("7800"), KZT))),
                new Text("explanation.multiplier", Map.of("name", "Tuesday «x2»", "factor", "2", "points",
                        Points.MAX)),
                new Text("explanation.multiplier", Map.of("name", new Names("Вторник", Map.of("en", "Tuesday")),
                        "factor", "2", "points", 3L)));
        List<Text> back = TextJson.read(TextJson.write(texts));
        assertThat(back).isEqualTo(texts);
        for (String language : Texts.LANGUAGES) {
            assertThat(back.stream().map(t -> TEXTS.render(t, language)))
                    .isEqualTo(texts.stream().map(t -> TEXTS.render(t, language)).toList());
        }
        assertThat(TextJson.write(null)).isNull();
        assertThat(TextJson.read(null)).isNull();
    }

    @Test
    void somethingThatIsNoTextArgumentIsRefused() {
        assertThatThrownBy(() -> TextJson.read("[{\"key\": \"explanation.points-fixed\", \"args\": {\"points\": 1.5}}]"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
