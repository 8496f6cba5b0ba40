package io.kopilka.cause;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.shared.Names;
import io.kopilka.shared.Texts;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CauseTextsTest {
    private static final UnitWords TREE = new UnitWords(Map.of("ru", "дерево", "kk", "ағаш", "en", "tree"),
            Map.of("ru", Map.of("one", "дерево", "few", "дерева", "many", "деревьев")));
    private static final Names PLANT = new Names("Посади дерево", Map.of("kk", "Ағаш ек", "en", "Plant a tree"));
    private static final Map<String, String> PLANTED = Map.of("ru", "посадили", "kk", "отырғыздық", "en", "planted");

    private static Cause cause(long totalPoints, Map<String, String> verb) {
        return new Cause(UUID.randomUUID(), new CauseDraft(PLANT, null, TREE, verb, 500, 1000L, true), totalPoints, 3,
                Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void togetherWePlantedTrees() {
        assertThat(CauseTexts.togetherInEveryLanguage(cause(60_000, PLANTED))).containsExactly(
                Map.entry("ru", "Вместе мы посадили 120 деревьев"),
                Map.entry("kk", "Бірге 120 ағаш отырғыздық"),
                Map.entry("en", "Together we planted 120 trees"));
        assertThat(CauseTexts.togetherInEveryLanguage(cause(500, PLANTED))).containsExactly(
                Map.entry("ru", "Вместе мы посадили 1 дерево"),
                Map.entry("kk", "Бірге 1 ағаш отырғыздық"),
                Map.entry("en", "Together we planted 1 tree"));
    }

    @Test
    void withoutAVerbTheSentenceNamesNoDeed() {
        assertThat(CauseTexts.togetherInEveryLanguage(cause(1_000, null))).containsExactly(
                Map.entry("ru", "Наш общий вклад: 2 дерева"),
                Map.entry("kk", "Ортақ үлесіміз: 2 ағаш"),
                Map.entry("en", "Together so far: 2 trees"));
    }

    @ParameterizedTest
    @CsvSource({"1, дерево", "2, дерева", "4, дерева", "5, деревьев", "11, деревьев", "21, дерево", "22, дерева",
            "111, деревьев", "0, деревьев"})
    void russianUnitsTakeThePluralOfTheirCount(long n, String word) {
        assertThat(TREE.word("ru", n)).isEqualTo(word);
        assertThat(TREE.word("kk", n)).isEqualTo("ағаш");
        assertThat(TREE.word("en", n)).isEqualTo(n == 1 ? "tree" : "trees");
    }

    @Test
    void aFormNotGivenReadsThePlainUnitAndEnglishMakesItsPlural() {
        UnitWords plain = new UnitWords(Map.of("ru", "обед", "kk", "түскі ас", "en", "lunch"), Map.of());
        assertThat(plain.word("ru", 5)).isEqualTo("обед");
        assertThat(plain.word("en", 5)).isEqualTo("lunches");
        UnitWords child = new UnitWords(Map.of("ru", "ребёнок", "kk", "бала", "en", "child"),
                Map.of("en", Map.of("other", "children")));
        assertThat(child.word("en", 3)).isEqualTo("children");
        assertThat(child.word("en", 1)).isEqualTo("child");
        assertThat(UnitWords.englishPlural("city")).isEqualTo("cities");
        assertThat(UnitWords.englishPlural("day")).isEqualTo("days");
        assertThat(UnitWords.englishPlural("box")).isEqualTo("boxes");
        assertThat(UnitWords.englishPlural("book")).isEqualTo("books");
        assertThat(UnitWords.englishPlural("kg")).isEqualTo("kgs");
        assertThat(UnitWords.englishPlural("м²")).isEqualTo("м²");
    }

    @Test
    void thePurchaseLineInEveryLanguage() {
        var text = CauseTexts.contributed(PLANT, TREE, 1);
        assertThat(Texts.messages().render(text, "ru")).isEqualTo("Ваша покупка — ещё 1 дерево для «Посади дерево». Спасибо!");
        assertThat(Texts.messages().render(text, "kk"))
                .isEqualTo("Сатып алуыңыздың арқасында «Ағаш ек» жобасына тағы 1 ағаш қосылды. Рақмет!");
        assertThat(Texts.messages().render(text, "en")).isEqualTo("Your purchase adds 1 more tree to “Plant a tree”. Thank you!");
        assertThat(Texts.messages().render(CauseTexts.contributed(PLANT, TREE, 3), "ru"))
                .isEqualTo("Ваша покупка — ещё 3 дерева для «Посади дерево». Спасибо!");
    }

    @Test
    void theHistoryLineOfADonation() {
        var text = CauseTexts.donated(PLANT, 500);
        assertThat(Texts.messages().render(text, "ru")).isEqualTo("Пожертвование: «Посади дерево» — 500 баллов");
        assertThat(Texts.messages().render(text, "kk")).isEqualTo("Қайырымдылық: «Ағаш ек» — 500 ұпай");
        assertThat(Texts.messages().render(text, "en")).isEqualTo("Donation: “Plant a tree” — 500 points");
        assertThat(Texts.messages().render(CauseTexts.donated(PLANT, 1), "ru"))
                .isEqualTo("Пожертвование: «Посади дерево» — 1 балл");
    }
}
