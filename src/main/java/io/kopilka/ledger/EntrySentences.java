package io.kopilka.ledger;

import io.kopilka.shared.Text;
import java.util.Map;

/**
 * What a history line says when its entry carries no explanation of its own: a sentence per entry
 * type (bundle keys {@code history.<type>}), with the entry's reason where it has one. Entries of
 * every version read this way, the oldest too, since it needs nothing but the type.
 */
final class EntrySentences {

    private EntrySentences() {
    }

    static Text of(EntryType type, String reason) {
        return switch (type) {
            // A reward's and a donation's entries always name what they went to; these are for none that does not.
            case REWARD -> new Text("history.reward-spent", Map.of());
            case DONATE -> new Text("history.donated", Map.of());
            case ADJUST, GIFT -> new Text("history." + type.code(), Map.of("reason", reason == null ? "" : reason));
            default -> new Text("history." + type.code(), Map.of());
        };
    }
}
