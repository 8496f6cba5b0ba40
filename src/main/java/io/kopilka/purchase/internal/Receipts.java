package io.kopilka.purchase.internal;

import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.rules.PricedCart;
import io.kopilka.shared.Money;
import io.kopilka.shared.PurchaseId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** A priced purchase as its answer: one shape for a quote and a commit. */
final class Receipts {
    private Receipts() {
    }

    /** Each applied rule's line in the customer's language: rendered once per answer, here. */
    static List<String> explanations(PurchaseContext c, PricedCart priced) {
        String language = c.language();
        return priced.applied().stream().map(a -> a.explanationIn(language)).toList();
    }

    /**
     * @param explanations {@link #explanations}, one per applied rule
     * @param parts        the participants' parts; their {@link ReceiptPart.Message}s join the messages,
     *                     the last {@link ReceiptPart.Balance} is the balance shown
     */
    static Receipt of(PurchaseId id, PurchaseContext c, PricedCart priced, List<String> explanations,
                      Receipt.BalanceAfter balance, List<ReceiptPart> parts, long rulesVersion) {
        Currency currency = c.tenant().currency();
        List<Receipt.AppliedRule> applied = new ArrayList<>(priced.applied().size());
        for (int i = 0; i < priced.applied().size(); i++) {
            PricedCart.AppliedRule a = priced.applied().get(i);
            applied.add(new Receipt.AppliedRule(a.ruleId(), a.name(), a.points(), Money.of(a.discount(), currency),
                    explanations.get(i)));
        }
        List<String> messages = new ArrayList<>(explanations);
        List<Receipt.CouponUsed> coupons = new ArrayList<>(priced.coupons().size());
        for (PricedCart.AppliedCoupon coupon : priced.coupons()) {
            coupons.add(new Receipt.CouponUsed(coupon.code(), coupon.rewardId(), Money.of(coupon.discount(), currency)));
            messages.add(coupon.explanationIn(c.language()));
        }
        List<ReceiptPart> kept = new ArrayList<>(parts.size());
        Receipt.BalanceAfter after = balance;
        for (ReceiptPart part : parts) {
            switch (part) {
                case ReceiptPart.Message message -> messages.add(message.text());
                case ReceiptPart.Balance credited -> after = new Receipt.BalanceAfter(credited.available(),
                        credited.pending());
                case ReceiptPart.Level level -> kept.add(level);
                case ReceiptPart.CouponIssued issued -> kept.add(issued);
                case ReceiptPart.Challenge challenge -> kept.add(challenge);
            }
        }
        return new Receipt(id, c.order().externalId(), c.memberId(), Money.of(priced.subtotal(), currency),
                Money.of(priced.discount(), currency), priced.pointsRedeemed(),
                Money.of(priced.redeemValue(), currency), Money.of(priced.payable(), currency), priced.pointsEarned(),
                c.pendingPart(priced.pointsEarned()), after, List.copyOf(applied), List.copyOf(coupons),
                List.copyOf(kept), List.copyOf(messages), c.program().version(), rulesVersion);
    }
}
