package io.kopilka.tenant;

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
}
