package io.kopilka.web.admin.rules;

import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The two ways a page of this area answers: a fragment to an htmx request, the whole page otherwise. */
final class Htmx {
    private Htmx() {
    }

    static boolean request(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** The errors keyed by the form's fields instead of the facade's names for them. */
    static FormErrors onFields(FormErrors errors, Function<String, String> field) {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.fields().forEach((k, v) -> fields.merge(field.apply(k), v, (a, b) -> a + " " + b));
        return new FormErrors(errors.summary(), fields);
    }
}
