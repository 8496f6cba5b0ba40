package io.kopilka.faq;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.error.ApiProblem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a list of questions may hold: at most {@value #MAX_ITEMS} questions (a customer reads them on a
 * phone), each question up to {@value #MAX_QUESTION} characters and each answer up to
 * {@value #MAX_ANSWER}, neither blank. Characters are counted as PostgreSQL's {@code length} counts them.
 */
public final class FaqValidation {
    public static final int MAX_ITEMS = 30;
    public static final int MAX_QUESTION = 200;
    public static final int MAX_ANSWER = 2000;

    private FaqValidation() {
    }

    /** The items with surrounding blanks trimmed; 422 {@code validation_failed} naming every field at fault. */
    public static List<FaqItem> check(List<FaqItem> items) {
        List<FieldError> errors = new ArrayList<>();
        if (items == null) {
            errors.add(new FieldError("items", "is required"));
            throw refused(errors);
        }
        if (items.size() > MAX_ITEMS) {
            errors.add(new FieldError("items", "must list at most 30 questions"));
        }
        List<FaqItem> checked = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            FaqItem item = items.get(i);
            String question = item == null || item.question() == null ? "" : item.question().strip();
            String answer = item == null || item.answer() == null ? "" : item.answer().strip();
            if (question.isEmpty() || length(question) > MAX_QUESTION) {
                errors.add(new FieldError("items[" + i + "].question", "must be 1 to 200 characters"));
            }
            if (answer.isEmpty() || length(answer) > MAX_ANSWER) {
                errors.add(new FieldError("items[" + i + "].answer", "must be 1 to 2000 characters"));
            }
            checked.add(new FaqItem(question, answer));
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        return List.copyOf(checked);
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static ApiProblem refused(List<FieldError> errors) {
        return new ApiProblem(422, "validation_failed", "The request has invalid fields", errors, Map.of());
    }
}
