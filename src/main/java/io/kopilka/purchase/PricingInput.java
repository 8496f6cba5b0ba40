package io.kopilka.purchase;

import io.kopilka.rules.CouponOffer;
import java.math.BigDecimal;

/**
 * What a {@link PurchaseParticipant} tells the rules before a purchase is priced. A closed family:
 * the purchase module turns each kind into what {@code rules.Pricing} reads, and a new kind does not
 * compile until it does.
 */
public sealed interface PricingInput {

    /**
     * The member's level: its code and name for rules' conditions, its benefits for pricing.
     *
     * @param benefits null when the level has none
     */
    record Level(String code, String name, Benefits benefits) implements PricingInput {
    }

    /** A coupon the member hands over, checked by its owner to be theirs and active. */
    record Coupon(CouponOffer offer) implements PricingInput {
    }

    /** A level's benefits for pricing; either may be null (none). */
    record Benefits(BigDecimal earnMultiplier, BigDecimal discountPercent) {
    }
}
