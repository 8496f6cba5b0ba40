package io.kopilka.faq;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;
import io.kopilka.shared.Names;
import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Parts of a sentence that are themselves worded per language ("30 и 7", "30 және 7", "30 and 7"; a
 * level's benefits): carried as {@link Names} with every language filled in, so the sentence stays
 * data and is still read in whichever language its reader reads.
 */
final class Spoken {
    private static final Texts TEXTS = Texts.messages();

    private Spoken() {
    }

    static Names each(Function<String, String> inLanguage) {
        Map<String, String> names = new HashMap<>();
        for (String language : Texts.LANGUAGES) {
            names.put(language, inLanguage.apply(language));
        }
        return new Names(names.get("en"), names);
    }

    /** "a, b and c" by the language's own rule (ICU, from CLDR). */
    static Names list(List<String> items) {
        return each(language -> ListFormatter.getInstance(ULocale.forLanguageTag(language)).format(items));
    }

    /** Texts rendered and joined with ", " in each language: a list of benefits or of steps. */
    static Names joined(List<Text> parts) {
        return each(language -> String.join(", ", parts.stream().map(t -> TEXTS.render(t, language)).toList()));
    }

    /** Texts rendered and joined as a list ("«A», «B» and «C»"). */
    static Names listed(List<Text> parts) {
        return each(language -> ListFormatter.getInstance(ULocale.forLanguageTag(language))
                .format(parts.stream().map(t -> TEXTS.render(t, language)).toList()));
    }
}
