package io.kopilka.rules;

import io.kopilka.shared.Names;
import java.math.BigDecimal;
import java.util.List;

/**
 * A coupon the member hands over with a purchase, as pricing sees it: already checked to be theirs
 * and active by its owner; whether it fits this purchase (store, minimum spend, items) pricing
 * decides, since that depends on the cart.
 *
 * @param percent    {@code PERCENT_OFF}: the percent off matching items
 * @param amount     {@code AMOUNT_OFF}: the money off the check, never more than the check
 * @param itemFilter the items a {@code PERCENT_OFF} or {@code FREE_ITEM} coupon applies to; null: any
 * @param minSpend   the subtotal the purchase must reach; null: none
 * @param stores     the stores it is valid in; null or empty: all
 */
public record CouponOffer(String couponId, String code, String rewardId, Names name, Kind kind, BigDecimal percent,
                          BigDecimal amount, Rule.ItemFilter itemFilter, BigDecimal minSpend, List<String> stores) {

    /**
     * What a coupon does to a check: a discount of its own kind, or nothing ({@code GIFT} and
     * {@code EXPERIENCE} are handed over in person; using them with a purchase just marks them used).
     */
    public enum Kind {
        PERCENT_OFF, AMOUNT_OFF, FREE_ITEM, GIFT, EXPERIENCE
    }

    boolean matches(Cart.Line line) {
        return itemFilter == null || itemFilter.matches(line.sku(), line.category());
    }
}
