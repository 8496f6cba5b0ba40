package io.kopilka.purchase.internal;

import io.kopilka.purchase.Receipt;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.rules.PricedCart;
import io.kopilka.shared.Money;
import io.kopilka.shared.PurchaseId;
import java.util.Currency;
import java.util.List;

/** A priced purchase as its answer: one shape for a quote and a commit. */
final class Receipts {
    private Receipts() {
    }

    static Receipt of(PurchaseId id, PurchaseContext c, PricedCart priced, Receipt.BalanceAfter balance,
                      List<ReceiptPart> parts, long rulesVersion) {
        Currency currency = c.tenant().currency();
        List<Receipt.AppliedRule> applied = priced.applied().stream()
                .map(a -> new Receipt.AppliedRule(a.ruleId(), a.name(), a.points(), Money.of(a.discount(), currency),
                        a.explanation()))
                .toList();
        return new Receipt(id, c.order().externalId(), c.memberId(), Money.of(priced.subtotal(), currency),
                Money.of(priced.discount(), currency), priced.pointsRedeemed(),
                Money.of(priced.redeemValue(), currency), Money.of(priced.payable(), currency), priced.pointsEarned(),
                c.pendingPart(priced.pointsEarned()), balance, applied, List.copyOf(parts),
                priced.applied().stream().map(PricedCart.AppliedRule::explanation).toList(), c.program().version(),
                rulesVersion);
    }
}
