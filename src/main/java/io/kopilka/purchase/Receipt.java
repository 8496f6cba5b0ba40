package io.kopilka.purchase;

import java.util.List;

/**
 * The answer to a purchase or a quote, in API.md's shape. It is stored with the purchase's
 * idempotency key, so a replay returns exactly these figures.
 */
public record Receipt(String id, String externalId, String memberId, String subtotal, String discount,
                      long pointsRedeemed, String redeemValue, String payable, long pointsEarned, long pointsPending,
                      BalanceAfter balance, List<AppliedRuleView> appliedRules, List<String> couponsUsed,
                      List<String> couponsIssued, TierView tier, List<String> messages, long programVersion, long rulesVersion) {

    public record BalanceAfter(long available, long pending) {
    }

    public record AppliedRuleView(String ruleId, String name, long points, String discount, String explanation) {
    }

    public record TierView(String code, boolean changed) {
    }
}
