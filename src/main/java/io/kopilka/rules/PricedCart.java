package io.kopilka.rules;

import io.kopilka.shared.Text;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The priced purchase: per line what it cost, the discount, the share paid with points and what the
 * customer paid, and the points it earned; every rule that applied, with its explanation; what the
 * purchase must do besides points ({@link Effect}); and the rules skipped because their condition
 * failed to evaluate (for the log).
 */
public record PricedCart(BigDecimal subtotal, BigDecimal discount, long pointsRedeemed, BigDecimal redeemValue,
                         BigDecimal payable, long pointsEarned, List<PricedLine> lines, List<AppliedRule> applied,
                         List<Effect> effects, List<Skipped> skipped) {

    /**
     * What a priced purchase must do besides its money and points, decided by pure pricing and
     * carried out in the purchase's transaction. A closed family: the code that carries effects out
     * switches over it exhaustively, so a new kind does not compile until it is handled there.
     */
    public sealed interface Effect {
    }

    /**
     * A coupon of {@code reward} to issue to the member, given by a rule of kind {@code issue_coupon}.
     * No rule gives one yet: that kind is refused until rewards exist, which wire both ends.
     */
    public record IssueCoupon(UUID ruleId, String reward) implements Effect {
    }

    public record PricedLine(BigDecimal amount, BigDecimal discount, BigDecimal paid, long pointsEarned,
                             long pointsRedeemed) {
    }

    /**
     * @param ruleId          null for the member's level benefits
     * @param base            the amount the rule looked at
     * @param explanation     one line for the customer, in their language
     * @param explanationData the same line as data, to be read later in another language
     */
    public record AppliedRule(UUID ruleId, String name, long points, BigDecimal discount, BigDecimal base,
                              String explanation, Text explanationData) {
    }

    public record Skipped(UUID ruleId, String name, String error) {
    }
}
