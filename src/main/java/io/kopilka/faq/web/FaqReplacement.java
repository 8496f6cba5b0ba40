package io.kopilka.faq.web;

import io.kopilka.faq.FaqItem;
import java.util.List;

/** The body of {@code PUT /api/v1/faq/{locale}}: the whole list, in the order customers read it. */
record FaqReplacement(List<FaqDocument.Entry> items) {
    List<FaqItem> toItems() {
        return items == null ? null
                : items.stream().map(e -> e == null ? null : new FaqItem(e.question(), e.answer())).toList();
    }
}
