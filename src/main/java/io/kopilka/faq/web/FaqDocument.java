package io.kopilka.faq.web;

import io.kopilka.faq.FaqList;
import java.util.List;

/**
 * A language's questions as the API shows them.
 *
 * @param custom whether the owner wrote them (false: the defaults)
 */
record FaqDocument(String locale, boolean custom, List<Entry> items) {
    record Entry(String question, String answer) {
    }

    static FaqDocument of(FaqList list) {
        return new FaqDocument(list.language().tag(), list.custom(),
                list.items().stream().map(i -> new Entry(i.question(), i.answer())).toList());
    }
}
