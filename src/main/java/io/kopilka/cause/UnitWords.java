package io.kopilka.cause;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import io.kopilka.shared.Names;
import io.kopilka.shared.Texts;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A cause's unit ("tree") in every language, and the forms its word takes after a count, chosen by
 * CLDR's plural rules of each language: Russian "1 дерево", "2 дерева", "5 деревьев"; a Kazakh noun
 * after a numeral does not change ("5 ағаш"); English "1 tree", "5 trees". A form the business did
 * not give reads the plain unit, except English, whose regular plural is made ("tree" → "trees").
 *
 * @param unit  the plain word per language (ru, kk, en)
 * @param forms per language, by plural category (one, few, many, other), the forms the business gave
 */
public record UnitWords(Map<String, String> unit, Map<String, Map<String, String>> forms) {
    private static final Map<String, PluralRules> RULES = rules();

    public UnitWords {
        unit = Map.copyOf(unit);
        Map<String, Map<String, String>> copy = new HashMap<>();
        forms.forEach((language, byCategory) -> copy.put(language, Map.copyOf(byCategory)));
        forms = Map.copyOf(copy);
    }

    private static Map<String, PluralRules> rules() {
        Map<String, PluralRules> rules = new HashMap<>();
        for (String language : Texts.LANGUAGES) {
            rules.put(language, PluralRules.forLocale(ULocale.forLanguageTag(language)));
        }
        return Map.copyOf(rules);
    }

    /** The plural categories a count takes in {@code language}: ru one, few, many, other; kk and en one, other. */
    public static Set<String> categories(String language) {
        return RULES.get(language).getKeywords();
    }

    /** The word after {@code count} in {@code language}: "деревьев" after 120. */
    public String word(String language, long count) {
        String category = RULES.get(language).select(count);
        String given = forms.getOrDefault(language, Map.of()).get(category);
        if (given != null) {
            return given;
        }
        String plain = unit.get(language);
        return "en".equals(language) && !"one".equals(category) ? englishPlural(plain) : plain;
    }

    /** The word after {@code count} in every language, as a text argument read in the reader's language. */
    public Names after(long count) {
        Map<String, String> words = new HashMap<>();
        for (String language : Texts.LANGUAGES) {
            words.put(language, word(language, count));
        }
        return new Names(words.get("en"), words);
    }

    /** The regular English plural; an irregular one ("child") is the business's to give as a form. */
    static String englishPlural(String word) {
        if (word.isEmpty() || !Character.isLetter(word.charAt(word.length() - 1))
                || word.charAt(word.length() - 1) > 'z') {
            return word;
        }
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z") || lower.endsWith("ch")
                || lower.endsWith("sh")) {
            return word + "es";
        }
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word + "s";
    }
}
