package io.kopilka.purchase.web;

import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.ReceiptPart;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A purchase's or a quote's answer as tills read it (docs/api.md, "Purchases"): amounts as text at the currency's scale. */
@Schema(name = "Receipt")
record ReceiptJson(@Nullable @Schema(description = "The purchase's id; null in a quote") String id,
                   String externalId,
                   @Nullable @Schema(description = "Null for a guest purchase") String memberId,
                   @Schema(ref = "Money", description = "Quantity × unit price, summed") String subtotal,
                   @Schema(ref = "Money", description = "What the rules took off") String discount,
                   long pointsRedeemed,
                   @Schema(ref = "Money", description = "What the redeemed points paid") String redeemValue,
                   @Schema(ref = "Money", description = "What the customer pays") String payable,
                   long pointsEarned,
                   @Schema(description = "Of the points earned, those not available until the program's "
                           + "pending days have passed") long pointsPending,
                   @Nullable @Schema(description = "The member's points after the purchase; null for a guest")
                   BalanceAfter balance,
                   List<AppliedRuleView> appliedRules,
                   @Schema(description = "The coupons the purchase used, with what each took off")
                   List<CouponUsedView> couponsUsed,
                   @Schema(description = "The coupons the purchase gave the member (rules of kind issue_coupon)")
                   List<CouponIssuedView> couponsIssued,
                   @Nullable @Schema(description = "The member's level; null without a tier ladder") TierView tier,
                   @Schema(description = "One line per applied rule and coupon, then what else the purchase did (a "
                           + "gift to a cause), in the member's language")
                   List<String> messages, long programVersion, long rulesVersion,
                   @Schema(description = "The challenges (stamp cards) the purchase moved on, or would in a quote")
                   List<ReceiptChallengeView> challenges) {

    record BalanceAfter(long available, long pending) {
        static BalanceAfter of(Receipt.BalanceAfter b) {
            return b == null ? null : new BalanceAfter(b.available(), b.pending());
        }
    }

    record AppliedRuleView(@Nullable @Schema(description = "Null for what no rule gave (a tier's benefit)")
                           String ruleId, String name, long points,
                           @Schema(ref = "Money") String discount, String explanation) {
    }

    record CouponUsedView(String code, String rewardId,
                          @Schema(ref = "Money", description = "0 for a gift or an experience handed over")
                          String discount) {
    }

    record CouponIssuedView(String code, String rewardId, @Nullable OffsetDateTime expiresAt) {
    }

    /**
     * @param progress what is counted now, head start included: visits or items as a number, spend as money
     * @param couponsIssued the codes of the coupons its completion gave
     */
    record ReceiptChallengeView(String challengeId,
                         @Schema(description = "Visits or items counted, or the spend (money)") String progress,
                         @Schema(description = "Visits or items, or the spend (money)") String target,
                         @Schema(description = "Whether this purchase completed it") boolean completed,
                         List<String> couponsIssued) {
    }

    /** @param changed whether the purchase moved the member to this level */
    record TierView(String code, boolean changed) {
    }

    static ReceiptJson of(Receipt r) {
        TierView tier = null;
        List<CouponIssuedView> issued = new ArrayList<>();
        List<ReceiptChallengeView> challenges = new ArrayList<>();
        for (ReceiptPart part : r.parts()) {
            switch (part) {
                case ReceiptPart.Level level -> tier = new TierView(level.code(), level.changed());
                case ReceiptPart.CouponIssued i -> issued.add(new CouponIssuedView(i.code(), i.rewardId(),
                        i.expiresAt()));
                case ReceiptPart.Message m -> { } // already among r.messages()
                case ReceiptPart.Challenge ch -> challenges.add(new ReceiptChallengeView(ch.challengeId(),
                        ch.progress().toPlainString(), ch.target().toPlainString(), ch.completed(),
                        ch.couponsIssued()));
                case ReceiptPart.Balance b -> { } // already r.balance()
            }
        }
        return new ReceiptJson(r.id() == null ? null : r.id().toString(), r.externalId(),
                r.memberId() == null ? null : r.memberId().toString(), r.subtotal().plain(), r.discount().plain(),
                r.pointsRedeemed(), r.redeemValue().plain(), r.payable().plain(), r.pointsEarned(), r.pointsPending(),
                BalanceAfter.of(r.balance()), r.appliedRules().stream().map(a -> new AppliedRuleView(
                        a.ruleId() == null ? null : a.ruleId().toString(), a.name(), a.points(), a.discount().plain(),
                        a.explanation())).toList(),
                r.couponsUsed().stream().map(u -> new CouponUsedView(u.code(), u.rewardId(), u.discount().plain()))
                        .toList(), List.copyOf(issued), tier, r.messages(), r.programVersion(), r.rulesVersion(),
                List.copyOf(challenges));
    }
}
