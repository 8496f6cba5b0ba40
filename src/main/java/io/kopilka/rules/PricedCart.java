package io.kopilka.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The priced purchase: per line what it cost, the discount, the share paid with points and what the
 * customer paid, and the points it earned; plus every rule that applied, with its explanation.
 */
public record PricedCart(BigDecimal subtotal, BigDecimal discount, long pointsRedeemed, BigDecimal redeemValue,
                         BigDecimal payable, long pointsEarned, List<PricedLine> lines, List<AppliedRule> applied) {

    public record PricedLine(BigDecimal amount, BigDecimal discount, BigDecimal paid, long pointsEarned,
                             long pointsRedeemed) {
    }

    /**
     * @param base        the amount the rule looked at (what was paid for its items)
     * @param explanation one line for the customer, in their language
     */
    public record AppliedRule(UUID ruleId, String name, long points, BigDecimal discount, BigDecimal base,
                              String explanation) {
    }
}
