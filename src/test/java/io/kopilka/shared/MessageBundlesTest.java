package io.kopilka.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * messages_{ru,kk,en}.properties: every language has every key, with the same arguments, and every
 * pattern compiles (the class would not load otherwise) and formats; counts take the right plural.
 */
class MessageBundlesTest {
    private static final Texts TEXTS = Texts.messages();
    private static final Currency KZT = Currency.getInstance("KZT");

    @Test
    void everyLanguageHasEveryKey() {
        Set<String> english = TEXTS.keys("en");
        assertThat(english).isNotEmpty();
        for (String language : Texts.LANGUAGES) {
            assertThat(TEXTS.keys(language)).as("keys of messages_%s", language).isEqualTo(english);
        }
    }

    /** A key written twice keeps only its last text, silently: with several areas adding blocks, a test says so. */
    @Test
    void noKeyIsWrittenTwice() throws java.io.IOException {
        for (String language : Texts.LANGUAGES) {
            List<String> keys = java.nio.file.Files.readAllLines(
                            java.nio.file.Path.of("src/main/resources/messages_" + language + ".properties")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                    .map(line -> line.substring(0, line.indexOf('=')).strip()).toList();
            assertThat(keys).as("keys written twice in messages_%s", language).doesNotHaveDuplicates();
        }
    }

    @Test
    void everyTranslationTakesTheSameArguments() {
        for (String key : TEXTS.keys("en")) {
            for (String language : Texts.LANGUAGES) {
                assertThat(TEXTS.arguments(key, language)).as("arguments of %s in %s", key, language)
                        .isEqualTo(TEXTS.arguments(key, "en"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 5, 21, 111})
    void everyKeyFormatsInEveryLanguage(long sample) {
        for (String language : Texts.LANGUAGES) {
            for (String key : TEXTS.keys(language)) {
                Map<String, Object> args = new HashMap<>();
                // A count fits every argument: a plain one shows it, a plural or number one needs it.
                TEXTS.arguments(key, language).forEach(name -> args.put(name, sample));
                String text = TEXTS.render(new Text(key, args), language);
                assertThat(text).as("%s in %s", key, language).isNotBlank().doesNotContain("{", "}");
                if (!args.isEmpty()) {
                    // A sentence without arguments (a history line's type: "Points expired") shows none.
                    assertThat(text).as("%s in %s", key, language).contains(String.valueOf(sample));
                }
            }
        }
    }

    @Test
    void russianPointsTakeTheirPluralByTheLastDigits() {
        List<Long> numbers = LongStream.concat(LongStream.rangeClosed(0, 1_000),
                LongStream.of(1_011, 1_021, 1_000_011, 1_000_021, 123_456_782, Points.MAX - 1, Points.MAX)).boxed()
                .toList();
        for (long n : numbers) {
            assertThat(points("ru", n)).as("%d", n).isEqualTo(n + " " + russianWord(n));
        }
        assertThat(List.of(0L, 1L, 2L, 5L, 11L, 21L, 22L, 25L, 101L, 111L).stream().map(n -> points("ru", n)))
                .containsExactly("0 баллов", "1 балл", "2 балла", "5 баллов", "11 баллов", "21 балл", "22 балла",
                        "25 баллов", "101 балл", "111 баллов");
    }

    @Test
    void kazakhAndEnglishPoints() {
        for (long n : List.of(0L, 1L, 2L, 5L, 11L, 21L, 22L, 25L, 101L, 111L, 1_000_021L, Points.MAX)) {
            assertThat(points("kk", n)).isEqualTo(n + " ұпай");
            assertThat(points("en", n)).isEqualTo(n + (n == 1 ? " point" : " points"));
        }
    }

    @Test
    void countsAreWrittenWithoutGroupingAsBefore() {
        assertThat(points("ru", 1_234_567)).isEqualTo("1234567 баллов");
        assertThat(TEXTS.render(new Text("explanation.points-per-item", Map.of("perItem", 1_500L, "units", "2",
                "points", 3_000L)), "en")).isEqualTo("1500 per unit × 2: 3000 points");
    }

    @Test
    void moneyIsPrintedAsReceiptsPrintIt() {
        Text discount = new Text("explanation.discount", Map.of("name", "Sale", "percent", "10",
                "amount", Money.of(new BigDecimal("12345.50"), KZT)));
        assertThat(TEXTS.render(discount, "en")).isEqualTo("10% off (Sale): −12\u202F345,50 ₸");
    }

    @Test
    void anUnknownKeyOrArgumentKindIsRefused() {
        assertThatThrownBy(() -> TEXTS.render(new Text("no.such.text", Map.of()), "ru"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Text("explanation.points-fixed", Map.of("name", "x", "points", 5)))
                .as("an int is not a count: counts are Long, so that they read back from JSON as they were")
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String points(String language, long n) {
        return TEXTS.render(new Text("explanation.points-fixed", Map.of("name", "x", "points", n)), language)
                .substring("x: ".length());
    }

    /** The rule as it was written by hand before the bundles: the oracle for CLDR's. */
    private static String russianWord(long n) {
        long mod100 = n % 100;
        long mod10 = n % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return "баллов";
        }
        if (mod10 == 1) {
            return "балл";
        }
        return mod10 >= 2 && mod10 <= 4 ? "балла" : "баллов";
    }
}
