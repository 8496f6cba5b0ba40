package io.kopilka.reward.internal;

import io.kopilka.reward.CouponTerms;
import io.kopilka.rules.CouponOffer;
import io.kopilka.rules.Rule;
import io.kopilka.shared.Names;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A coupon's terms as {@code coupon.terms} keeps them: a storage format of its own, so the domain
 * type can change while rows written today still read. Decimals as text, so their scale survives.
 */
record StoredTerms(String name, Map<String, String> names, String kind, String percent, String amount,
                   List<String> skus, List<String> categories, String minSpend, List<String> stores) {

    static StoredTerms of(CouponTerms t) {
        return new StoredTerms(t.name().name(), t.name().names(), t.kind().name(), text(t.percent()), text(t.amount()),
                t.itemFilter() == null ? null : t.itemFilter().skus(),
                t.itemFilter() == null ? null : t.itemFilter().categories(), text(t.minSpend()), t.stores());
    }

    CouponTerms terms() {
        return new CouponTerms(new Names(name, names), CouponOffer.Kind.valueOf(kind), decimal(percent),
                decimal(amount), skus == null && categories == null ? null : new Rule.ItemFilter(skus, categories),
                decimal(minSpend), stores);
    }

    static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
