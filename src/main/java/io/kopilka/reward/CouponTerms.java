package io.kopilka.reward;

import io.kopilka.rules.CouponOffer;
import io.kopilka.rules.Rule;
import io.kopilka.shared.Names;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a coupon is worth, as its reward said when the coupon was issued: kept with the coupon, so
 * editing the reward later does not change a coupon already in a member's hands.
 *
 * @param percent    {@code PERCENT_OFF} only
 * @param amount     {@code AMOUNT_OFF} only
 * @param itemFilter null: any item
 * @param minSpend   null: none
 * @param stores     null or empty: every store
 */
public record CouponTerms(Names name, CouponOffer.Kind kind, BigDecimal percent, BigDecimal amount,
                          Rule.ItemFilter itemFilter, BigDecimal minSpend, List<String> stores) {

    public CouponTerms {
        stores = stores == null ? null : List.copyOf(stores);
    }
}
