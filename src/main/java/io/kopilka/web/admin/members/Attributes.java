package io.kopilka.web.admin.members;

import io.kopilka.shared.error.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member's own attributes (family, preferences) as an owner edits them: one {@code name: value} a
 * line, not JSON. A value that reads as a number, true or false, or JSON's list or object, is kept
 * as one; anything else is text. A line taken away removes its attribute (RFC 7396 merge, as the
 * API's PATCH does).
 */
final class Attributes {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LITERAL = Pattern.compile("-?\\d{1,15}(\\.\\d+)?|true|false|[\\[{].*");

    private Attributes() {
    }

    static String text(Map<String, Object> attributes) {
        StringBuilder text = new StringBuilder();
        attributes.forEach((name, value) -> text.append(name).append(": ")
                .append(value instanceof String s ? s : JSON.writeValueAsString(value)).append('\n'));
        return text.toString();
    }

    /** The merge patch that turns {@code before} into what the text says; 422 at {@code attributes} for a bad line. */
    static Map<String, Object> patch(String text, Map<String, Object> before) {
        Map<String, Object> after = new LinkedHashMap<>();
        int number = 0;
        for (String line : (text == null ? "" : text).split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).isBlank()) {
                throw ApiProblem.invalid("attributes", "each line must be name: value");
            }
            after.put(line.substring(0, colon).strip(), value(line.substring(colon + 1).strip()));
        }
        Map<String, Object> patch = new LinkedHashMap<>(after);
        before.keySet().forEach(name -> {
            if (!after.containsKey(name)) {
                patch.put(name, null);
            }
        });
        return patch;
    }

    private static Object value(String typed) {
        if (LITERAL.matcher(typed).matches()) {
            try {
                return JSON.readValue(typed, Object.class);
            } catch (RuntimeException notJson) {
                return typed; // "[my list" is text, as typed
            }
        }
        return typed;
    }
}
