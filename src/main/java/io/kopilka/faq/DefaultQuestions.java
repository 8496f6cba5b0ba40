package io.kopilka.faq;

import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import io.kopilka.tenant.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The questions every business starts with, in {@code messages_*.properties} under
 * {@code faq.default.<n>.question} and {@code .answer}: what customers of a café, a barber or a shop
 * ask at the counter. They speak of no numbers, which "How points work" gives from the program itself.
 */
public final class DefaultQuestions {
    static final int COUNT = 7;

    private DefaultQuestions() {
    }

    public static List<FaqItem> in(Language language) {
        Texts texts = Texts.messages();
        List<FaqItem> items = new ArrayList<>(COUNT);
        for (int n = 1; n <= COUNT; n++) {
            items.add(new FaqItem(texts.render(new Text("faq.default." + n + ".question", Map.of()), language.tag()),
                    texts.render(new Text("faq.default." + n + ".answer", Map.of()), language.tag())));
        }
        return List.copyOf(items);
    }
}
