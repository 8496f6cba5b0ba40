package io.kopilka.purchase;

import io.kopilka.shared.RuleId;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Money;
import io.kopilka.shared.PurchaseId;
import java.util.List;
import java.util.Optional;

/**
 * What a purchase (or a quote of one) came to: the money, the points, the balance after, every rule
 * that applied with its explanation, and the participants' parts (the level). How it is written
 * for a till is the web layer's business; a replay of a purchase returns exactly these figures.
 *
 * @param id       null for a quote
 * @param memberId null for a guest
 * @param balance  null for a guest
 * @param messages the lines a cashier may read out, in the member's language: the rules', the
 *                 coupons', then the participants'
 */
public record Receipt(PurchaseId id, String externalId, MemberId memberId, Money subtotal, Money discount,
                      long pointsRedeemed, Money redeemValue, Money payable, long pointsEarned, long pointsPending,
                      BalanceAfter balance, List<AppliedRule> appliedRules, List<CouponUsed> couponsUsed,
                      List<ReceiptPart> parts, List<String> messages, long programVersion, long rulesVersion) {

    public record BalanceAfter(long available, long pending) {
    }

    /** @param ruleId null for the member's level benefits */
    public record AppliedRule(RuleId ruleId, String name, long points, Money discount, String explanation) {
    }

    /** A coupon the purchase used, with what it took off (0 for a gift handed over). */
    public record CouponUsed(String code, String rewardId, Money discount) {
    }

    /** The coupons the purchase gave the member. */
    public List<ReceiptPart.CouponIssued> couponsIssued() {
        return parts.stream().filter(ReceiptPart.CouponIssued.class::isInstance)
                .map(ReceiptPart.CouponIssued.class::cast).toList();
    }

    /** The member's level after the purchase; empty for a guest or a tenant without levels. */
    public Optional<ReceiptPart.Level> level() {
        return parts.stream().filter(ReceiptPart.Level.class::isInstance).map(ReceiptPart.Level.class::cast)
                .findFirst();
    }
}
