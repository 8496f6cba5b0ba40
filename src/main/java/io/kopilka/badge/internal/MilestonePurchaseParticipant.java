package io.kopilka.badge.internal;

import io.kopilka.badge.Badges;
import io.kopilka.badge.Milestones;
import io.kopilka.purchase.PurchaseParticipant;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.tenant.Tenants;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first and the tenth visit, given in the purchase's transaction. The purchase knows the
 * member's visits from the ledger's posting, so a purchase that is neither costs nothing here, not
 * even a query; one that is costs one INSERT. The member's lock orders their purchases, so exactly
 * one of them sees each count (and the badge's key keeps it once even so). Returns give nothing
 * back: a badge is a memory, not a balance ({@link Milestones}).
 */
@Component
@Order(600)
class MilestonePurchaseParticipant implements PurchaseParticipant {
    private final Badges badges;
    private final Tenants tenants;

    MilestonePurchaseParticipant(Badges badges, Tenants tenants) {
        this.badges = badges;
        this.tenants = tenants;
    }

    @Override
    public List<ReceiptPart> recorded(RecordedPurchase p) {
        Milestones.atVisit(p.visits(), () -> tenants.get(p.tenant()).locale().tag()).ifPresent(m ->
                badges.award(p.tenant(), p.member(), m.code(), m.name(), Milestones.MILESTONE, p.recordedAt()));
        return List.of();
    }
}
