package io.kopilka.purchase;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A {@link PurchaseParticipant}'s part of a purchase's answer. A closed family, because the answer's
 * shape is the purchase's contract with tills: each kind has its place in it (the web layer's
 * switch over them is exhaustive).
 */
public sealed interface ReceiptPart {

    /** The member's level after the purchase, and whether the purchase moved them to it. */
    record Level(String code, boolean changed) implements ReceiptPart {
    }

    /**
     * A coupon the purchase gave the member (a rule of kind {@code issue_coupon}).
     *
     * @param expiresAt in the tenant's time zone, as answers write times; null: never
     */
    record CouponIssued(String code, String rewardId, OffsetDateTime expiresAt) implements ReceiptPart {
    }

    /**
     * The member's points after a participant credited them in the purchase (a referral's bonus, a
     * challenge's points): the answer's balance is this, the last one given, instead of the balance
     * the purchase's own posting left. Not a part of the answer of its own.
     */
    record Balance(long available, long pending) implements ReceiptPart {
    }

    /** A line for the answer's {@code messages}, in the member's language ("Вместе мы посадим дерево"). */
    record Message(String text) implements ReceiptPart {
    }

    /**
     * A challenge (a stamp card) the purchase moved on, or would in a quote.
     *
     * @param progress       what is counted now, head start included (visits, units, or money)
     * @param completed      whether this purchase completed it
     * @param couponsIssued  the codes of the coupons its completion gave
     */
    record Challenge(String challengeId, BigDecimal progress, BigDecimal target, boolean completed,
                     List<String> couponsIssued) implements ReceiptPart {
        public Challenge {
            couponsIssued = List.copyOf(couponsIssued);
        }
    }
}
