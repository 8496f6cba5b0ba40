package io.kopilka.member.internal;

import io.kopilka.shared.error.ApiProblem.FieldError;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Collects every field error of a member request before refusing it, so the caller fixes all at once. */
final class MemberValidation {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MAX_ATTRIBUTES_CHARS = 16 * 1024;

    private final List<FieldError> errors = new ArrayList<>();

    void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    String email(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.length() > 254 || !EMAIL.matcher(s.strip()).matches()) {
            reject("email", "must be an e-mail address");
            return null;
        }
        return s.strip().toLowerCase(java.util.Locale.ROOT);
    }

    String name(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.strip().length() > 200) {
            reject("name", "must be text of at most 200 characters");
            return null;
        }
        return s.strip().isEmpty() ? null : s.strip();
    }

    LocalDate birthDate(Object value, LocalDate today) {
        if (value == null) {
            return null;
        }
        LocalDate date = null;
        if (value instanceof LocalDate d) {
            date = d;
        } else if (value instanceof String s) {
            try {
                date = LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                date = null;
            }
        }
        if (date == null || date.isAfter(today) || date.isBefore(LocalDate.of(1900, 1, 1))) {
            reject("birthDate", "must be a date YYYY-MM-DD between 1900-01-01 and today");
            return null;
        }
        return date;
    }

    Language locale(Object value, Language fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof String s) {
            var lang = Language.fromTag(s);
            if (lang.isPresent()) {
                return lang.get();
            }
        }
        reject("locale", "must be one of ru, kk, en");
        return fallback;
    }

    Map<String, Boolean> consents(Object value, Map<String, Boolean> base) {
        Map<String, Boolean> merged = new LinkedHashMap<>(base);
        if (value == null) {
            return merged;
        }
        if (!(value instanceof Map<?, ?> map)) {
            reject("consents", "must be an object of channel to true/false");
            return merged;
        }
        for (var e : map.entrySet()) {
            if (e.getValue() instanceof Boolean b && String.valueOf(e.getKey()).length() <= 40) {
                merged.put(String.valueOf(e.getKey()), b);
            } else {
                reject("consents." + e.getKey(), "must be true or false");
            }
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> attributes(Object value, Map<String, Object> base, boolean merge) {
        Map<String, Object> result = new LinkedHashMap<>(merge ? base : Map.of());
        if (value == null) {
            return result;
        }
        if (!(value instanceof Map<?, ?> map)) {
            reject("attributes", "must be a JSON object");
            return result;
        }
        return merge(result, (Map<String, Object>) map);
    }

    /** RFC 7396 merge patch: objects merge key by key at every depth, null removes, anything else replaces. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(target);
        for (var e : patch.entrySet()) {
            Object value = e.getValue();
            if (value == null) {
                result.remove(e.getKey());
            } else if (value instanceof Map<?, ?> nested) {
                Object current = result.get(e.getKey());
                Map<String, Object> base = current instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                result.put(e.getKey(), merge(base, (Map<String, Object>) nested));
            } else {
                result.put(e.getKey(), value);
            }
        }
        return result;
    }

    void attributesSize(String json) {
        if (json.length() > MAX_ATTRIBUTES_CHARS) {
            reject("attributes", "must be at most " + MAX_ATTRIBUTES_CHARS + " characters of JSON");
        }
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The request has invalid fields", errors, Map.of());
        }
    }
}
