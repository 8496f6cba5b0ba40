package io.kopilka.faq;

import io.kopilka.tenant.Language;
import java.util.List;

/**
 * A language's questions in the order customers read them; the audit log keeps this shape as the
 * change's before and after, whether the API or the console made it.
 *
 * @param custom whether the owner wrote them; false: they are {@link DefaultQuestions}
 */
public record FaqList(Language language, boolean custom, List<FaqItem> items) {
    public FaqList {
        items = List.copyOf(items);
    }
}
