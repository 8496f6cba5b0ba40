package io.kopilka.notification.internal;

import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.Notifications;
import io.kopilka.occasion.OccasionGiftGiven;
import io.kopilka.reward.Rewards;
import java.util.HashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A birthday's or a win-back's gift (occasions {@code birthday:<year>}, {@code win-back:<day>}). */
@Component
class OccasionNotices {
    private final Notifications notifications;
    private final Rewards rewards;

    OccasionNotices(Notifications notifications, Rewards rewards) {
        this.notifications = notifications;
        this.rewards = rewards;
    }

    @ApplicationModuleListener
    void on(OccasionGiftGiven gift) {
        boolean birthday = OccasionGiftGiven.BIRTHDAY.equals(gift.occasion());
        Map<String, Object> facts = new HashMap<>();
        Facts.putIfPositive(facts, "points", gift.points());
        if (gift.couponCode() != null) {
            facts.put("couponCode", gift.couponCode());
            Facts.putIfPresent(facts, "couponExpiresAt", gift.couponExpiresAt());
            if (gift.rewardId() != null) {
                rewards.find(gift.tenant(), gift.rewardId()).ifPresent(r -> facts.put("rewardName", r.name()));
            }
        }
        notifications.notify(new Notice(gift.tenant(), gift.member(),
                birthday ? NoticeKind.BIRTHDAY : NoticeKind.WIN_BACK,
                (birthday ? "birthday:" : "win-back:") + gift.period(), facts, gift.at()));
    }
}
