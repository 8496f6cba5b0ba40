package io.kopilka.ledger;

import java.time.Instant;
import java.util.UUID;

/** One line of a member's points history. */
public record Entry(UUID id, EntryType type, long points, Instant createdAt, Instant expiresAt, UUID purchaseId,
                    UUID returnId, UUID transferId, String ruleName, String reason, String note) {
}
