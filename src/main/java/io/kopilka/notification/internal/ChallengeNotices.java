package io.kopilka.notification.internal;

import io.kopilka.engagement.ChallengeDraft.Metric;
import io.kopilka.engagement.ChallengeProgressed;
import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.Notifications;
import io.kopilka.shared.Money;
import io.kopilka.tenant.Tenants;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A challenge completed, or nearly: one visit or item left, or (spend) 80 % reached. Occasions name the
 * challenge and the purchase, so a redelivered event tells nothing twice.
 */
@Component
class ChallengeNotices {
    static final BigDecimal NEARLY = new BigDecimal("0.8");

    private final Notifications notifications;
    private final Tenants tenants;

    ChallengeNotices(Notifications notifications, Tenants tenants) {
        this.notifications = notifications;
        this.tenants = tenants;
    }

    @ApplicationModuleListener
    void on(ChallengeProgressed progressed) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("challengeName", progressed.name());
        if (progressed.completed()) {
            Facts.putIfPositive(facts, "rewardPoints", progressed.rewardPoints());
            facts.put("coupons", progressed.couponCodes().stream().map(code -> Map.<String, Object>of("code", code))
                    .toList());
            notifications.notify(new Notice(progressed.tenant(), progressed.member(), NoticeKind.CHALLENGE_COMPLETED,
                    "challenge-done:" + progressed.challengeId() + ":" + progressed.purchase().value(), facts,
                    progressed.at()));
            return;
        }
        if (!nearlyDone(progressed)) {
            return;
        }
        facts.put("metric", progressed.metric().name().toLowerCase(java.util.Locale.ROOT));
        if (progressed.metric() == Metric.SPEND) {
            var currency = tenants.get(progressed.tenant()).currency();
            facts.put("progress", Money.of(progressed.progress(), currency));
            facts.put("target", Money.of(progressed.target(), currency));
            facts.put("remaining", Money.of(progressed.remaining(), currency));
        } else {
            facts.put("progress", progressed.progress().longValue());
            facts.put("target", progressed.target().longValue());
            facts.put("remaining", progressed.remaining().longValue());
        }
        notifications.notify(new Notice(progressed.tenant(), progressed.member(), NoticeKind.CHALLENGE_PROGRESS,
                "challenge:" + progressed.challengeId() + ":" + progressed.purchase().value(), facts, progressed.at()));
    }

    /**
     * One visit or item left; for spend, the purchase that crossed 80 % (the ones after it in the same
     * round say nothing more until the card is done).
     */
    static boolean nearlyDone(ChallengeProgressed progressed) {
        BigDecimal remaining = progressed.remaining();
        if (remaining.signum() <= 0) {
            return false;
        }
        return switch (progressed.metric()) {
            case VISITS, ITEMS -> remaining.compareTo(BigDecimal.ONE) == 0;
            case SPEND -> {
                BigDecimal mark = progressed.target().multiply(NEARLY);
                yield progressed.progress().compareTo(mark) >= 0 && progressed.previous().compareTo(mark) < 0;
            }
        };
    }
}
