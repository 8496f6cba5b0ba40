package io.kopilka.ledger;

import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of a member's points history.
 *
 * @param note        as written: the admin's words, or a purchase's explanation in the member's language
 * @param explanation a purchase's explanation as data; null for other entries and those written before
 */
public record Entry(UUID id, EntryType type, long points, Instant createdAt, Instant expiresAt, PurchaseId purchaseId,
                    ReturnId returnId, UUID transferId, String ruleName, String reason, String note,
                    List<Text> explanation) {

    /**
     * The note in the reader's language: the explanation rendered, its lines joined as the purchase
     * joined them for {@code note}; the stored note when there is no explanation, or when it names a
     * text these bundles no longer have (then it reads as written, in the member's language of then).
     */
    public String noteIn(String language) {
        if (explanation == null) {
            return note;
        }
        try {
            return String.join("; ", explanation.stream().map(t -> Texts.messages().render(t, language)).toList());
        } catch (IllegalArgumentException unknownText) {
            return note;
        }
    }
}
