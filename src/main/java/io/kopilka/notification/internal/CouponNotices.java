package io.kopilka.notification.internal;

import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.Notifications;
import io.kopilka.reward.CouponIssued;
import io.kopilka.reward.CouponSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A coupon the member got (occasion: the coupon's id). Not for a birthday's, a win-back's or a challenge's
 * coupon: that message names it already, and two messages for one gift would be one too many.
 */
@Component
class CouponNotices {
    static final Set<CouponSource> TOLD_ELSEWHERE = Set.of(CouponSource.BIRTHDAY, CouponSource.WIN_BACK,
            CouponSource.CHALLENGE);

    private final Notifications notifications;

    CouponNotices(Notifications notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(CouponIssued issued) {
        if (TOLD_ELSEWHERE.contains(issued.source())) {
            return;
        }
        Map<String, Object> facts = new HashMap<>();
        facts.put("rewardName", issued.name());
        facts.put("code", issued.code());
        Facts.putIfPresent(facts, "expiresAt", issued.expiresAt());
        notifications.notify(new Notice(issued.tenant(), issued.member(), NoticeKind.COUPON_ISSUED,
                issued.couponId().toString(), facts, issued.at()));
    }
}
