package io.kopilka.tenant;

import io.kopilka.shared.error.ApiProblem;
import java.util.Locale;
import java.util.Optional;

/** The languages every screen and customer message exists in. */
public enum Language {
    RU, KK, EN;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag());
    }

    public static Optional<Language> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String lang = tag.trim().toLowerCase(Locale.ROOT);
        int dash = lang.indexOf('-');
        if (dash > 0) {
            lang = lang.substring(0, dash);
        }
        for (Language l : values()) {
            if (l.tag().equals(lang)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * The language a reader asked for (a {@code lang} query parameter), or {@code otherwise} when
     * they asked for none; 422 {@code validation_failed} for one that no text exists in.
     */
    public static Language requested(String lang, Language otherwise) {
        return lang == null ? otherwise
                : fromTag(lang).orElseThrow(() -> ApiProblem.invalid("lang", "must be ru, kk or en"));
    }
}
