package io.kopilka.purchase.web;

import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.ReceiptPart;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A purchase's or a quote's answer as tills read it (docs/api.md, "Purchases"): amounts as text at the currency's scale. */
@Schema(name = "Receipt")
record ReceiptJson(String id, String externalId, String memberId, String subtotal, String discount,
                   long pointsRedeemed, String redeemValue, String payable, long pointsEarned, long pointsPending,
                   BalanceAfter balance, List<AppliedRuleView> appliedRules, List<String> couponsUsed,
                   List<String> couponsIssued, TierView tier, List<String> messages, long programVersion,
                   long rulesVersion) {

    record BalanceAfter(long available, long pending) {
        static BalanceAfter of(Receipt.BalanceAfter b) {
            return b == null ? null : new BalanceAfter(b.available(), b.pending());
        }
    }

    record AppliedRuleView(String ruleId, String name, long points, String discount, String explanation) {
    }

    record TierView(String code, boolean changed) {
    }

    static ReceiptJson of(Receipt r) {
        TierView tier = null;
        for (ReceiptPart part : r.parts()) {
            switch (part) {
                case ReceiptPart.Level level -> tier = new TierView(level.code(), level.changed());
            }
        }
        return new ReceiptJson(r.id() == null ? null : r.id().toString(), r.externalId(),
                r.memberId() == null ? null : r.memberId().toString(), r.subtotal().plain(), r.discount().plain(),
                r.pointsRedeemed(), r.redeemValue().plain(), r.payable().plain(), r.pointsEarned(), r.pointsPending(),
                BalanceAfter.of(r.balance()), r.appliedRules().stream().map(a -> new AppliedRuleView(
                        a.ruleId() == null ? null : a.ruleId().toString(), a.name(), a.points(), a.discount().plain(),
                        a.explanation())).toList(),
                List.of(), List.of(), tier, r.messages(), r.programVersion(), r.rulesVersion());
    }
}
