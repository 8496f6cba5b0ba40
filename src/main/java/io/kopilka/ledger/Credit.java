package io.kopilka.ledger;

import io.kopilka.shared.Text;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Points given to a member: a new lot (after any debt is paid) and one entry.
 *
 * @param availableAt when the points can be spent (pending days)
 * @param expiresAt   when they expire, or null for never
 * @param explanation a purchase's earning: why, as data, so history reads it in the reader's language
 *                    ({@code note} holds the same in the member's language); null for other credits
 */
public record Credit(EntryType type, long points, Instant availableAt, Instant expiresAt, UUID purchaseId,
                     UUID returnId, String ruleName, String reason, String note, String actor,
                     List<Text> explanation) {

    public Credit {
        if (points <= 0) {
            throw new IllegalArgumentException("a credit is positive: " + points);
        }
    }

    public Credit(EntryType type, long points, Instant availableAt, Instant expiresAt, UUID purchaseId,
                  UUID returnId, String ruleName, String reason, String note, String actor) {
        this(type, points, availableAt, expiresAt, purchaseId, returnId, ruleName, reason, note, actor, null);
    }

    public static Credit of(EntryType type, long points, Instant availableAt, Instant expiresAt) {
        return new Credit(type, points, availableAt, expiresAt, null, null, null, null, null, null);
    }
}
