package io.kopilka.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * Points given to a member: a new lot (after any debt is paid) and one entry.
 *
 * @param availableAt when the points can be spent (pending days)
 * @param expiresAt   when they expire, or null for never
 */
public record Credit(EntryType type, long points, Instant availableAt, Instant expiresAt, UUID purchaseId,
                     UUID returnId, String ruleName, String reason, String note, String actor) {

    public Credit {
        if (points <= 0) {
            throw new IllegalArgumentException("a credit is positive: " + points);
        }
    }

    public static Credit of(EntryType type, long points, Instant availableAt, Instant expiresAt) {
        return new Credit(type, points, availableAt, expiresAt, null, null, null, null, null, null);
    }
}
