package io.kopilka.cause;

import io.kopilka.shared.Names;
import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sentences customers read about causes, as texts of the message bundles. */
public final class CauseTexts {
    private CauseTexts() {
    }

    /**
     * "Вместе мы посадили 120 деревьев" with the cause's verb, "Наш общий вклад: 120 деревьев"
     * without one.
     */
    public static Text together(Cause cause) {
        CauseDraft d = cause.draft();
        long units = cause.units();
        if (d.verb() == null) {
            return new Text("cause.together-plain", Map.of("units", units, "unit", d.unit().after(units)));
        }
        return new Text("cause.together", Map.of("units", units, "unit", d.unit().after(units),
                "verb", new Names(d.verb().get("en"), d.verb())));
    }

    /** {@link #together} in every language, for an answer: {"ru": ..., "kk": ..., "en": ...}. */
    public static Map<String, String> togetherInEveryLanguage(Cause cause) {
        Text text = together(cause);
        Map<String, String> byLanguage = new LinkedHashMap<>();
        for (String language : Texts.LANGUAGES) {
            byLanguage.put(language, Texts.messages().render(text, language));
        }
        return byLanguage;
    }

    /** The line a purchase's answer has when the business gave to a cause for it. */
    public static Text contributed(Names cause, UnitWords unit, long units) {
        return new Text("cause.contributed", Map.of("cause", cause, "units", units, "unit", unit.after(units)));
    }

    /** The member's history line for a donation: «Пожертвование: «Посади дерево» — 500 баллов». */
    public static Text donated(Names cause, long points) {
        return new Text("history.donate", Map.of("cause", cause, "points", points));
    }
}
