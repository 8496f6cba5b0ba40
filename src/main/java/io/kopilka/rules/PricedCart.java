package io.kopilka.rules;

import io.kopilka.shared.RuleId;
import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import java.math.BigDecimal;
import java.util.List;

/**
 * The priced purchase: per line what it cost, the discount, the share paid with points and what the
 * customer paid, and the points it earned; every rule that applied, with its explanation; what the
 * purchase must do besides points ({@link Effect}); and the rules skipped because their condition
 * failed to evaluate (for the log).
 */
public record PricedCart(BigDecimal subtotal, BigDecimal discount, long pointsRedeemed, BigDecimal redeemValue,
                         BigDecimal payable, long pointsEarned, List<PricedLine> lines, List<AppliedRule> applied,
                         List<AppliedCoupon> coupons, List<Effect> effects, List<Skipped> skipped) {

    /**
     * What a priced purchase must do besides its money and points, decided by pure pricing and
     * carried out in the purchase's transaction. A closed family: the code that carries effects out
     * switches over it exhaustively, so a new kind does not compile until it is handled there.
     */
    public sealed interface Effect {
    }

    /** A coupon of {@code rewardId} to issue to the member, given by a rule of kind {@code issue_coupon}. */
    public record IssueCoupon(RuleId ruleId, String ruleName, String rewardId) implements Effect {
    }

    /** The business gives {@code units} to a cause, by a rule of kind {@code cause_contribution}. */
    public record ContributeToCause(RuleId ruleId, String ruleName, String causeId, long units) implements Effect {
    }

    /**
     * A coupon the purchase uses, with what it took off.
     *
     * @param discount    0 for a gift or an experience, handed over in person
     * @param explanation the line for the customer, as data (see {@link AppliedRule})
     */
    public record AppliedCoupon(String couponId, String code, String rewardId, BigDecimal discount, Text explanation) {

        public String explanationIn(String language) {
            return Texts.messages().render(explanation, language);
        }
    }

    public record PricedLine(BigDecimal amount, BigDecimal discount, BigDecimal paid, long pointsEarned,
                             long pointsRedeemed) {
    }

    /**
     * @param ruleId      null for the member's level benefits
     * @param base        the amount the rule looked at
     * @param explanation the line for the customer, as data: pricing decides what it says, and whoever
     *                    shows it renders it in the reader's language, once (a simulation over past
     *                    purchases never does)
     */
    public record AppliedRule(RuleId ruleId, String name, long points, BigDecimal discount, BigDecimal base,
                              Text explanation) {

        /** The line in {@code language} (ru, kk, en; another falls back to English). */
        public String explanationIn(String language) {
            return Texts.messages().render(explanation, language);
        }
    }

    public record Skipped(RuleId ruleId, String name, String error) {
    }
}
