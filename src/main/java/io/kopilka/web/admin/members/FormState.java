package io.kopilka.web.admin.members;

import io.kopilka.web.common.FormErrors;
import java.util.Map;

/**
 * Which of the page's forms was sent and refused, with what was typed: that form shows its errors and
 * keeps the typing, every other form is shown fresh.
 */
public record FormState(String form, FormErrors errors, Map<String, String> typed) {

    public static FormState fresh() {
        return new FormState(null, FormErrors.none(), Map.of());
    }

    /** The errors of this form; none for the others. */
    public FormErrors of(String name) {
        return name.equals(form) ? errors : FormErrors.none();
    }

    /** What was typed into this form's field, else {@code otherwise} (the value saved). */
    public String value(String name, String field, Object otherwise) {
        if (name.equals(form) && typed.containsKey(field)) {
            return typed.get(field);
        }
        return otherwise == null ? "" : otherwise.toString();
    }
}
