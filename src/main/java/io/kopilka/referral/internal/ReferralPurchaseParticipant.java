package io.kopilka.referral.internal;

import io.kopilka.purchase.PurchaseParticipant;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.shared.Texts;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Referral rewards in purchases: the friend's first qualifying purchase rewards both, in its
 * transaction; a whole return of it may cancel them. A program without referral points, or a purchase
 * below the qualifying spend, costs no statement; a qualifying one of a member nobody invited, one.
 */
@Component
@Order(500)
class ReferralPurchaseParticipant implements PurchaseParticipant {
    private final ReferralRewards rewards;

    ReferralPurchaseParticipant(ReferralRewards rewards) {
        this.rewards = rewards;
    }

    @Override
    public List<ReceiptPart> recorded(RecordedPurchase purchase) {
        return rewards.afterPurchase(purchase)
                .<List<ReceiptPart>>map(text -> List.of(new ReceiptPart.Message(
                        Texts.messages().render(text, purchase.language()))))
                .orElse(List.of());
    }

    @Override
    public void returned(RecordedReturn returned) {
        rewards.afterReturn(returned);
    }
}
