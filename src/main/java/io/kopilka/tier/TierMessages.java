package io.kopilka.tier;

import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import io.kopilka.tenant.Language;
import java.util.Map;

/**
 * The customer-facing line for a change of level, in Russian, Kazakh and English (the words are in
 * {@code messages_*.properties}, under {@code tier.change.*}). Level names are the owner's own text
 * and are quoted as they are; only the sentence around them is ours.
 */
public final class TierMessages {
    private TierMessages() {
    }

    public static String line(ChangeReason reason, Language language, String from, String to) {
        return Texts.messages().render(text(reason, from, to), language.tag());
    }

    private static Text text(ChangeReason reason, String from, String to) {
        String key = switch (reason) {
            case QUALIFIED -> "tier.change.qualified";
            case GRACE_ENDED -> "tier.change.grace-ended";
            case ASSIGNED -> "tier.change.assigned";
            case LEVEL_REMOVED -> "tier.change.level-removed";
        };
        return new Text(key, Map.of("from", from, "to", to));
    }
}
