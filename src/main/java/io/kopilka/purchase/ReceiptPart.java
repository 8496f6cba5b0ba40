package io.kopilka.purchase;

/**
 * A {@link PurchaseParticipant}'s part of a purchase's answer. A closed family, because the answer's
 * shape is the purchase's contract with tills: each kind has its place in it (the web layer's
 * switch over them is exhaustive), and coupons and challenges will add theirs.
 */
public sealed interface ReceiptPart {

    /** The member's level after the purchase, and whether the purchase moved them to it. */
    record Level(String code, boolean changed) implements ReceiptPart {
    }
}
