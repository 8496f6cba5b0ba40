package io.kopilka.web.admin.rules;

import io.kopilka.shared.error.ApiProblem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a person typed into a form, read field by field into the facades' types. A value that is not
 * a number where one is due becomes a field error here (the facade never sees it); a blank field is
 * null, so the facade's own default or rule applies.
 */
final class FormValues {
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,18}([.,]\\d{1,10})?");

    private final Map<String, String> values;
    private final List<FieldError> errors = new ArrayList<>();

    FormValues(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** The field as typed (stripped), or "" when absent. */
    String text(String field) {
        String v = values.get(field);
        return v == null ? "" : v.strip();
    }

    String textOrNull(String field) {
        String v = text(field);
        return v.isEmpty() ? null : v;
    }

    Long whole(String field) {
        String v = text(field).replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (v.isEmpty()) {
            return null;
        }
        if (!WHOLE.matcher(v).matches()) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
        return Long.parseLong(v);
    }

    Integer wholeInt(String field) {
        Long v = whole(field);
        if (v != null && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
        return v == null ? null : v.intValue();
    }

    /** A decimal as people write it here: "1,5" and "1.5" alike, spaces between thousands allowed. */
    BigDecimal decimal(String field) {
        String v = text(field).replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (v.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(v).matches()) {
            errors.add(new FieldError(field, "must be a number"));
            return null;
        }
        return new BigDecimal(v.replace(',', '.'));
    }

    /** Codes separated by commas or spaces ("main, mall"); null when the field is blank. */
    List<String> codes(String field) {
        String v = text(field);
        if (v.isEmpty()) {
            return null;
        }
        return Arrays.stream(v.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** The fields this reading refused, each with its message (in English; FormErrors translates). */
    List<FieldError> errors() {
        return errors;
    }

    Map<String, String> asMap() {
        return values;
    }
}
