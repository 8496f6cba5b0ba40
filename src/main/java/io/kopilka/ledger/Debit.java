package io.kopilka.ledger;

import io.kopilka.shared.PurchaseId;

/** Points a member spends: one entry, the lots first-expiring-first. */
public record Debit(EntryType type, long points, PurchaseId purchaseId, String reason, String note, String actor) {

    public Debit {
        if (points <= 0) {
            throw new IllegalArgumentException("a debit is positive: " + points);
        }
    }

    /** Points a purchase redeems. */
    public static Debit redemption(long points, PurchaseId purchase) {
        return new Debit(EntryType.REDEEM, points, purchase, null, null, null);
    }

    /** Points an admin takes by hand, with the reason and who did it ({@code actor}). */
    public static Debit adjustment(long points, String reason, String note, String actor) {
        return new Debit(EntryType.ADJUST, points, null, reason, note, actor);
    }
}
