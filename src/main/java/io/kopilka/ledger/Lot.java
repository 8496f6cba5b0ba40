package io.kopilka.ledger;

import io.kopilka.shared.PurchaseId;
import java.time.Instant;
import java.util.UUID;

/**
 * What is left of one credit. Spending and expiry lower {@code remaining}; a lot counts until
 * {@code expiresAt} (null: never), and can be spent from {@code availableAt} (pending days).
 *
 * @param purchase the purchase that earned it (or whose return refunded it), null for others
 */
public record Lot(UUID id, long remaining, Instant availableAt, Instant expiresAt, PurchaseId purchase) {

    /** Still worth something at {@code now}, spendable or pending. */
    public boolean live(Instant now) {
        return remaining > 0 && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Live and past its pending days: what a member may spend at {@code now}. */
    public boolean spendable(Instant now) {
        return live(now) && !availableAt.isAfter(now);
    }

    Lot less(long points) {
        return new Lot(id, remaining - points, availableAt, expiresAt, purchase);
    }

    Lot expiringAt(Instant newExpiry) {
        return new Lot(id, remaining, availableAt, newExpiry, purchase);
    }
}
