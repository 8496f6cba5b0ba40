package io.kopilka.web.till;

import io.kopilka.purchase.PurchaseHistory;
import java.time.Duration;
import java.time.Instant;

/**
 * How long a purchase may be undone from the till: a mistyped amount or the wrong customer is found at
 * once, at the counter. After that a return goes through the goods brought back, item by item.
 */
final class TillUndo {
    static final Duration WINDOW = Duration.ofMinutes(10);

    private TillUndo() {
    }

    /** Counted from when it was recorded, not from its {@code occurredAt} (which a till may set earlier). */
    static boolean allows(PurchaseHistory.PastPurchase purchase, Instant now) {
        return !now.isAfter(purchase.createdAt().plus(WINDOW));
    }
}
