package io.kopilka.web.admin.members;

import io.kopilka.member.Member;
import io.kopilka.shared.error.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The profile form as the member facade's partial update: the fields whose text changed, a field
 * emptied sent as null (cleared). The facade validates, as it does for the API's PATCH.
 */
final class ProfileForm {

    private ProfileForm() {
    }

    static Map<String, Object> changes(Map<String, String> form, Member before) {
        Map<String, Object> changes = new LinkedHashMap<>();
        field(changes, form, "name", before.name());
        field(changes, form, "email", before.email());
        field(changes, form, "phone", before.phone());
        field(changes, form, "birthDate", before.birthDate() == null ? null : before.birthDate().toString());
        field(changes, form, "locale", before.locale().tag());
        if (form.containsKey("attributes")) {
            Map<String, Object> patch = Attributes.patch(form.get("attributes"), before.attributes());
            patch.entrySet().removeIf(e -> Objects.equals(before.attributes().get(e.getKey()), e.getValue()));
            if (!patch.isEmpty()) {
                changes.put("attributes", patch);
            }
        }
        return changes;
    }

    /** Sent only when the text differs from what is saved, so an untouched phone is not parsed again. */
    private static void field(Map<String, Object> changes, Map<String, String> form, String name, String saved) {
        if (!form.containsKey(name)) {
            return;
        }
        String typed = blankToNull(form.get(name));
        if (!Objects.equals(typed, saved)) {
            changes.put(name, typed);
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A whole number as typed ("1 000" too); null when left empty; 422 at the field for other text. */
    static Long number(String text, String field) {
        String typed = text == null ? "" : text.replaceAll("[\\s\\u00a0\\u202f]", "");
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(typed);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(field, "must be a whole number");
        }
    }
}
