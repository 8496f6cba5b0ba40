package io.kopilka.notification.internal;

import io.kopilka.member.Members;
import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.Notifications;
import io.kopilka.referral.ReferralRewarded;
import java.util.HashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Both sides of a rewarded referral hear of their own points (occasion {@code referral:<friend id>}). */
@Component
class ReferralNotices {
    private final Notifications notifications;
    private final Members members;

    ReferralNotices(Notifications notifications, Members members) {
        this.notifications = notifications;
        this.members = members;
    }

    @ApplicationModuleListener
    void on(ReferralRewarded rewarded) {
        String occasion = "referral:" + rewarded.friend().value();
        if (rewarded.referrerPoints() > 0) {
            Map<String, Object> facts = new HashMap<>();
            facts.put("points", rewarded.referrerPoints());
            facts.put("friend", false);
            members.byId(rewarded.tenant(), rewarded.friend()).filter(m -> !m.erased())
                    .ifPresent(friend -> Facts.putIfPresent(facts, "friendName", friend.name()));
            notifications.notify(new Notice(rewarded.tenant(), rewarded.referrer(), NoticeKind.REFERRAL_REWARDED,
                    occasion, facts, rewarded.at()));
        }
        if (rewarded.friendPoints() > 0) {
            notifications.notify(new Notice(rewarded.tenant(), rewarded.friend(), NoticeKind.REFERRAL_REWARDED,
                    occasion, Map.of("points", rewarded.friendPoints(), "friend", true), rewarded.at()));
        }
    }
}
