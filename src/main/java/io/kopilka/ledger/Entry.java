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
 * @param explanation why, as data (a purchase's rules, a gift's reason, a reward's name); null for the entries
 *                    whose type says it and for those written before
 */
public record Entry(UUID id, EntryType type, long points, Instant createdAt, Instant expiresAt, PurchaseId purchaseId,
                    ReturnId returnId, UUID transferId, String ruleName, String reason, String note,
                    List<Text> explanation) {

    /**
     * The note in the reader's language, never null: the explanation rendered, its lines joined as the
     * purchase joined them for {@code note}; else the stored note, as written (an admin's words, or a
     * purchase's explanation in the member's language of then), also when the explanation names a
     * text these bundles no longer have; else the sentence of the entry's type. A welcome entry's
     * stored note was the program's, in English, not a person's: it reads as its type's sentence.
     */
    public String noteIn(String language) {
        if (explanation != null) {
            try {
                return String.join("; ", explanation.stream().map(t -> Texts.messages().render(t, language)).toList());
            } catch (IllegalArgumentException unknownText) {
                // read as written, below
            }
        }
        if (note != null && type != EntryType.WELCOME) {
            return note;
        }
        return Texts.messages().render(EntrySentences.of(type, reason), language);
    }
}
