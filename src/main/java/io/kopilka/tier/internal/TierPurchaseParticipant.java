package io.kopilka.tier.internal;

import io.kopilka.purchase.PricingInput;
import io.kopilka.purchase.PurchaseParticipant;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tier.Level;
import io.kopilka.tier.Tiers;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Levels in every purchase: the purchase is priced with the member's level (its benefits, and its
 * code for rules' conditions); in its transaction it counts as qualifying activity and may move the
 * member up, which applies from the next purchase; a return counts as negative activity.
 */
@Component
@Order(100)
class TierPurchaseParticipant implements PurchaseParticipant {
    private final Tiers tiers;

    TierPurchaseParticipant(Tiers tiers) {
        this.tiers = tiers;
    }

    @Override
    public Contribution beforePricing(TenantId tenant, MemberId member, List<String> couponCodes) {
        return tiers.current(tenant, member).map(t -> {
            Level level = t.level();
            var input = new PricingInput.Level(level.code(), level.name(), level.benefits() == null ? null
                    : new PricingInput.Benefits(level.benefits().earnMultiplier(), level.benefits().discountPercent()));
            return new Contribution(List.<PricingInput>of(input),
                    List.<ReceiptPart>of(new ReceiptPart.Level(level.code(), false)));
        }).orElse(Contribution.NONE);
    }

    @Override
    public List<ReceiptPart> recorded(RecordedPurchase p) {
        return tiers.afterPurchase(p.tenant(), p.member(), p.purchase().value(), p.paid().amount(), p.pointsEarned(),
                        p.occurredAt(), p.recordedAt())
                .map(change -> List.<ReceiptPart>of(new ReceiptPart.Level(change.code(), change.changed())))
                .orElse(List.of());
    }

    @Override
    public void returned(RecordedReturn r) {
        tiers.afterReturn(r.tenant(), r.member(), r.purchase().value(), r.returnId().value(), r.amount().amount(),
                r.pointsReversed(), r.recordedAt());
    }
}
