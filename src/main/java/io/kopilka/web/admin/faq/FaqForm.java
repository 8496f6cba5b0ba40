package io.kopilka.web.admin.faq;

import io.kopilka.faq.FaqItem;
import io.kopilka.faq.FaqValidation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** What the form holds: its rows as typed, blank ones too until saved. */
record FaqForm(List<FaqItem> rows) {
    static FaqForm of(List<FaqItem> items) {
        return new FaqForm(List.copyOf(items));
    }

    /**
     * The rows of the fields {@code q-0}, {@code a-0}, {@code q-1}, … in their order; a row is read up to
     * a few past the limit, so a list that is too long is refused at the limit rather than cut short.
     */
    static FaqForm read(Map<String, String> fields) {
        List<FaqItem> rows = new ArrayList<>();
        for (int i = 0; i <= FaqValidation.MAX_ITEMS; i++) {
            String question = fields.get("q-" + i);
            String answer = fields.get("a-" + i);
            if (question == null && answer == null) {
                break;
            }
            rows.add(new FaqItem(question == null ? "" : question, answer == null ? "" : answer));
        }
        return new FaqForm(List.copyOf(rows));
    }

    /** "add", "remove-3", "up-3", "down-3": the rows after the button; anything else leaves them. */
    FaqForm apply(String action) {
        ArrayList<FaqItem> next = new ArrayList<>(rows);
        if (action.equals("add")) {
            if (next.size() < FaqValidation.MAX_ITEMS) {
                next.add(new FaqItem("", ""));
            }
            return new FaqForm(List.copyOf(next));
        }
        int dash = action.lastIndexOf('-');
        int i;
        try {
            i = dash < 0 ? -1 : Integer.parseInt(action.substring(dash + 1));
        } catch (NumberFormatException e) {
            return this;
        }
        if (i < 0 || i >= next.size()) {
            return this;
        }
        switch (action.substring(0, dash)) {
            case "remove" -> next.remove(i);
            case "up" -> {
                if (i > 0) {
                    Collections.swap(next, i, i - 1);
                }
            }
            case "down" -> {
                if (i < next.size() - 1) {
                    Collections.swap(next, i, i + 1);
                }
            }
            default -> {
                return this;
            }
        }
        return new FaqForm(List.copyOf(next));
    }

    FaqForm withoutBlankRows() {
        return new FaqForm(rows.stream().filter(r -> !(r.question().isBlank() && r.answer().isBlank())).toList());
    }

    List<FaqItem> items() {
        return rows;
    }
}
