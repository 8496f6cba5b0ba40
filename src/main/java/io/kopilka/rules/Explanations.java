package io.kopilka.rules;

import io.kopilka.shared.Money;
import io.kopilka.shared.Names;
import io.kopilka.shared.Text;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

/**
 * The customer-facing line for each applied rule, as data: "5% back on 7 800 ₸: 390 points" is the
 * key {@code explanation.points-percent} with the percent, the amount and the points. The words are
 * in {@code messages_*.properties}; {@link io.kopilka.shared.Texts} renders them for a receipt, a
 * simulation or the wallet's history ("why did I get 390 points?"), each in its reader's language.
 */
public final class Explanations {
    private Explanations() {
    }

    public static Text pointsPercent(BigDecimal percent, BigDecimal base, long points, Currency currency) {
        return new Text("explanation.points-percent",
                Map.of("percent", plain(percent), "base", Money.of(base, currency), "points", points));
    }

    public static Text pointsFixed(String name, long points) {
        return new Text("explanation.points-fixed", Map.of("name", name, "points", points));
    }

    public static Text pointsPerItem(long perItem, BigDecimal units, long points) {
        return new Text("explanation.points-per-item",
                Map.of("perItem", perItem, "units", plain(units), "points", points));
    }

    public static Text multiplier(String name, BigDecimal factor, long points) {
        return new Text("explanation.multiplier", Map.of("name", name, "factor", plain(factor), "points", points));
    }

    public static Text discount(String name, BigDecimal percent, BigDecimal amount, Currency currency) {
        return new Text("explanation.discount",
                Map.of("name", name, "percent", plain(percent), "amount", Money.of(amount, currency)));
    }

    public static Text discountBySpend(BigDecimal percent, BigDecimal spend, BigDecimal amount, Currency currency) {
        return new Text("explanation.discount-by-spend", Map.of("percent", plain(percent),
                "spend", Money.of(spend, currency), "amount", Money.of(amount, currency)));
    }

    /** A coupon that took money off the check: "Купон «Бесплатная стрижка»: −5 000 ₸". */
    public static Text coupon(Names name, Money amount) {
        return new Text("explanation.coupon", Map.of("name", name, "amount", amount));
    }

    /** A gift or an experience handed over with the purchase. */
    public static Text couponHandedOver(Names name) {
        return new Text("explanation.coupon-handed-over", Map.of("name", name));
    }

    /** "2.5", "10", "1.5": the same in every language, as the owner typed the rule. */
    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
