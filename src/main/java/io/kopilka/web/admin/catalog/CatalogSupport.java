package io.kopilka.web.admin.catalog;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.kopilka.web.common.FormErrors;
import org.springframework.ui.Model;

/** What the catalog's pages share: names in three languages, htmx or not, a refusal shown at its fields. */
final class CatalogSupport {
    private CatalogSupport() {
    }

    /**
     * One input of a name: the tenant's language is the API's {@code name}, the two others its
     * {@code names.<language>}, so the facade's field errors fall on the right input.
     */
    record NameField(String field, String language, boolean main) {
    }

    static List<NameField> nameFields(Tenant tenant) {
        List<NameField> fields = new ArrayList<>();
        fields.add(new NameField("name", tenant.locale().tag(), true));
        for (Language l : Language.values()) {
            if (l != tenant.locale()) {
                fields.add(new NameField("names." + l.tag(), l.tag(), false));
            }
        }
        return fields;
    }

    /** The translations typed into the form (blank ones left out); null when there are none. */
    static Map<String, String> names(FormInput form, String prefix) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Language l : Language.values()) {
            String v = form.text(prefix + "." + l.tag());
            if (v != null) {
                names.put(l.tag(), v);
            }
        }
        return names.isEmpty() ? null : names;
    }

    /** The form's values for a name and its translations. */
    static void putNames(Map<String, String> form, String prefix, String name, Map<String, String> names) {
        form.put(prefix, name == null ? "" : name);
        if (names != null) {
            names.forEach((language, text) -> form.put(prefix + "s." + language, text));
        }
    }

    static boolean htmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }

    /** The refusal at its fields, and 422 (409 for a conflict) for the answer; the forms tell htmx to swap it in. */
    static void refused(Model model, ApiProblem problem, Locale locale, HttpServletResponse response) {
        if (problem.status() == 404) {
            throw problem;
        }
        model.addAttribute("errors", FormErrors.of(problem, locale));
        response.setStatus(problem.status() == 409 ? 409 : 422);
    }
}
