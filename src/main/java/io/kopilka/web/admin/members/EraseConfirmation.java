package io.kopilka.web.admin.members;

import io.kopilka.shared.Texts;
import io.kopilka.tenant.Language;
import java.util.Locale;

/**
 * Erasing cannot be undone, so the owner types a word the page asks for, in the page's language; a
 * slip of the mouse erases nobody.
 */
final class EraseConfirmation {

    private EraseConfirmation() {
    }

    static String word(Locale locale) {
        String language = Language.fromTag(locale.getLanguage()).orElse(Language.RU).tag();
        return Texts.messages().format("console.members.erase.word", new Object[0], language);
    }

    static boolean confirmed(String typed, Locale locale) {
        return typed != null && typed.strip().equalsIgnoreCase(word(locale));
    }
}
