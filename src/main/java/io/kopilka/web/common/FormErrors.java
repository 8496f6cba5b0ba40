package io.kopilka.web.common;

import io.kopilka.shared.Texts;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.error.ApiProblem.FieldError;
import io.kopilka.tenant.Language;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A facade's refusal as a form shows it: one sentence at the top and a message at each field, in
 * the reader's language. The facades speak to developers in English (the API's problem+json); a
 * screen looks each sentence up by its slug, {@code console.problem.<code>} for the whole refusal and
 * {@code console.field-error.<slug of the message>} for a field ("must be 1 to 200 characters" →
 * {@code console.field-error.must-be-1-to-200-characters}), and shows the English only for a sentence
 * no bundle has yet.
 */
public record FormErrors(String summary, Map<String, String> fields) {
    private static final Texts TEXTS = Texts.messages();

    public static FormErrors none() {
        return new FormErrors(null, Map.of());
    }

    public static FormErrors of(ApiProblem problem, Locale locale) {
        String language = Language.fromTag(locale.getLanguage()).orElse(Language.RU).tag();
        String summary = TEXTS.format("console.problem." + problem.code(), new Object[0], language);
        if (summary == null) {
            summary = TEXTS.format("console.problem.generic", new Object[] {problem.getMessage()}, language);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (FieldError error : problem.errors()) {
            String text = TEXTS.format("console.field-error." + slug(error.message()), new Object[0], language);
            fields.merge(error.field(), text == null ? error.message() : text, (a, b) -> a + " " + b);
        }
        return new FormErrors(summary, fields);
    }

    /** One field's message, for {@code th:text="${errors.at('name')}"}; null when the field is fine. */
    public String at(String field) {
        return fields.get(field);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public boolean any() {
        return summary != null || !fields.isEmpty();
    }

    static String slug(String message) {
        String slug = message == null ? "" : message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }
}
