package io.kopilka.cause;

import io.kopilka.shared.Names;
import io.kopilka.shared.Texts;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.error.ApiProblem.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cause as sent, checked: every bad field is reported at once ({@code 422 validation_failed}).
 * The unit and the verb are words customers read in their language, so each is required in ru, kk
 * and en; a name may be in the tenant's language only.
 */
public final class CauseValidation {
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_WORD = 50;
    public static final long MAX_POINTS_PER_UNIT = 1_000_000;
    public static final long MAX_GOAL_UNITS = 1_000_000_000;

    private CauseValidation() {
    }

    /** The request's fields as sent; any may be null. */
    public record Input(String name, Map<String, String> names, String description, Map<String, String> unit,
                        Map<String, Map<String, String>> unitForms, Map<String, String> verb, Long pointsPerUnit,
                        Long goalUnits, Boolean active) {
    }

    public static CauseDraft check(Input in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.name() == null || in.name().isBlank() || in.name().length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be 1 to " + MAX_NAME + " characters"));
        }
        Map<String, String> names = new HashMap<>();
        if (in.names() != null) {
            in.names().forEach((language, text) -> {
                String field = "names." + language;
                if (!Texts.LANGUAGES.contains(language)) {
                    errors.add(new FieldError(field, "must be one of ru, kk, en"));
                } else if (text != null && (text.isBlank() || text.length() > MAX_NAME)) {
                    errors.add(new FieldError(field, "must be 1 to " + MAX_NAME + " characters"));
                } else if (text != null) {
                    names.put(language, text.strip());
                }
            });
        }
        if (in.description() != null && in.description().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        Map<String, String> unit = everyLanguage("unit", in.unit(), true, errors);
        Map<String, Map<String, String>> forms = forms(in.unitForms(), errors);
        Map<String, String> verb = everyLanguage("verb", in.verb(), false, errors);
        if (in.pointsPerUnit() == null || in.pointsPerUnit() < 1 || in.pointsPerUnit() > MAX_POINTS_PER_UNIT) {
            errors.add(new FieldError("pointsPerUnit", "must be a whole number of points from 1 to "
                    + MAX_POINTS_PER_UNIT));
        }
        if (in.goalUnits() != null && (in.goalUnits() < 1 || in.goalUnits() > MAX_GOAL_UNITS)) {
            errors.add(new FieldError("goalUnits", "must be 1 to " + MAX_GOAL_UNITS + ", or null for no goal"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The cause has invalid fields", errors, Map.of());
        }
        return new CauseDraft(new Names(in.name().strip(), names),
                in.description() == null || in.description().isBlank() ? null : in.description().strip(),
                new UnitWords(unit, forms), verb, in.pointsPerUnit(), in.goalUnits(),
                in.active() == null || in.active());
    }

    /** A word in each of ru, kk and en; null when not required and not sent. */
    private static Map<String, String> everyLanguage(String field, Map<String, String> words, boolean required,
                                                     List<FieldError> errors) {
        if (words == null) {
            if (required) {
                errors.add(new FieldError(field, "is required, in ru, kk and en"));
            }
            return required ? Map.of() : null;
        }
        Map<String, String> checked = new TreeMap<>();
        for (String language : words.keySet()) {
            if (!Texts.LANGUAGES.contains(language)) {
                errors.add(new FieldError(field + "." + language, "must be one of ru, kk, en"));
            }
        }
        for (String language : Texts.LANGUAGES) {
            String word = word(field + "." + language, words.get(language), errors);
            if (word != null) {
                checked.put(language, word);
            }
        }
        return checked;
    }

    private static Map<String, Map<String, String>> forms(Map<String, Map<String, String>> forms,
                                                          List<FieldError> errors) {
        Map<String, Map<String, String>> checked = new TreeMap<>();
        if (forms == null) {
            return checked;
        }
        forms.forEach((language, byCategory) -> {
            String field = "unitForms." + language;
            if (!Texts.LANGUAGES.contains(language)) {
                errors.add(new FieldError(field, "must be one of ru, kk, en"));
                return;
            }
            if (byCategory == null) {
                return;
            }
            Map<String, String> words = new TreeMap<>();
            byCategory.forEach((category, text) -> {
                if (!UnitWords.categories(language).contains(category)) {
                    errors.add(new FieldError(field + "." + category, "must be one of "
                            + String.join(", ", new java.util.TreeSet<>(UnitWords.categories(language)))));
                } else {
                    String word = word(field + "." + category, text, errors);
                    if (word != null) {
                        words.put(category, word);
                    }
                }
            });
            checked.put(language, words);
        });
        return checked;
    }

    private static String word(String field, String text, List<FieldError> errors) {
        if (text == null || text.isBlank() || text.length() > MAX_WORD) {
            errors.add(new FieldError(field, "must be 1 to " + MAX_WORD + " characters"));
            return null;
        }
        return text.strip();
    }
}
