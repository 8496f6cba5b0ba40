package io.kopilka.referral.internal;

import io.kopilka.purchase.PurchaseParticipant;
import io.kopilka.purchase.ReceiptPart;
import io.kopilka.shared.Texts;
import java.util.ArrayList;
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
        return rewards.afterPurchase(purchase).map(given -> {
            List<ReceiptPart> parts = new ArrayList<>(2);
            if (given.line() != null) {
                parts.add(new ReceiptPart.Message(Texts.messages().render(given.line(), purchase.language())));
            }
            if (given.friendAfter() != null) {
                // The friend's bonus came after the purchase's posting: the answer shows the balance with it.
                parts.add(new ReceiptPart.Balance(given.friendAfter().available(), given.friendAfter().pending()));
            }
            return parts;
        }).orElse(List.of());
    }

    @Override
    public void returned(RecordedReturn returned) {
        rewards.afterReturn(returned);
    }
}
