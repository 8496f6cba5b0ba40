package io.kopilka.shared;

import java.util.Map;
import java.util.Objects;

/**
 * A name a business wrote for its customers (a reward, a cause, a level): {@code name} in the
 * tenant's language and, optionally, the same in others ({@code names}: "ru", "kk", "en"). A member
 * reads their own language, else the tenant's. As a {@link Text} argument it is rendered in the
 * reader's language, so a history line written today reads right in any language tomorrow.
 */
public record Names(String name, Map<String, String> names) {

    public Names {
        Objects.requireNonNull(name, "name");
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    public static Names of(String name) {
        return new Names(name, Map.of());
    }

    /** The name in {@code language}, or the tenant's when there is none in it. */
    public String in(String language) {
        String translated = language == null ? null : names.get(language);
        return translated == null || translated.isBlank() ? name : translated;
    }
}
