package io.kopilka.faq;

import io.kopilka.shared.Text;
import io.kopilka.tenant.Language;
import java.util.List;

/**
 * The explanation in one language.
 *
 * @param sentences what a customer reads, in order
 * @param texts     the same as data (keys and arguments), for a reader that renders them itself
 */
public record Explanation(Language language, List<String> sentences, List<Text> texts) {
    public Explanation {
        sentences = List.copyOf(sentences);
        texts = List.copyOf(texts);
    }
}
