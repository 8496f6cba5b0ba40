package io.kopilka.ledger;

import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import java.time.Instant;
import java.util.UUID;

/** One line of a member's points history. */
public record Entry(UUID id, EntryType type, long points, Instant createdAt, Instant expiresAt, PurchaseId purchaseId,
                    ReturnId returnId, UUID transferId, String ruleName, String reason, String note) {
}
