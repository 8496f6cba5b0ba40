package io.kopilka.cause.internal;

import io.kopilka.cause.CauseTexts;
import io.kopilka.purchase.PurchaseParticipant;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.rules.PricedCart;
import io.kopilka.shared.Ids;
import io.kopilka.shared.Texts;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The business's gifts to causes with purchases: for each rule of kind {@code cause_contribution}
 * that applied, the units given (at no cost to the member: no ledger entry) and a line in the
 * answer in the member's language; a whole return takes them back. A purchase that no such rule
 * applied to costs nothing here, not even a query.
 */
@Component
@Order(300)
class CausePurchaseParticipant implements PurchaseParticipant {
    private final RuleContributions contributions;

    CausePurchaseParticipant(RuleContributions contributions) {
        this.contributions = contributions;
    }

    @Override
    public List<ReceiptPart> recorded(RecordedPurchase p) {
        if (p.effects().isEmpty()) {
            return List.of();
        }
        List<ReceiptPart> parts = new ArrayList<>();
        for (PricedCart.Effect effect : p.effects()) {
            switch (effect) {
                case PricedCart.ContributeToCause c -> Ids.parse(c.causeId())
                        .flatMap(cause -> contributions.give(p.tenant(), cause, c.units(), p.member().value(),
                                p.purchase().value(), c.ruleId() == null ? null : c.ruleId().value(), p.recordedAt()))
                        .ifPresent(given -> parts.add(new ReceiptPart.Message(Texts.messages().render(
                                CauseTexts.contributed(given.cause(), given.unit(), given.units()), p.language()))));
                case PricedCart.IssueCoupon ignored -> {
                    // the reward module's
                }
            }
        }
        return parts;
    }

    @Override
    public void returned(RecordedReturn r) {
        if (r.returnsWhole()) {
            contributions.takeBack(r.tenant(), r.purchase().value(), r.returnId().value(), r.member().value(),
                    r.recordedAt());
        }
    }
}
