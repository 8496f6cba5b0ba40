package io.kopilka.notification.internal;

import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.Notifications;
import io.kopilka.shared.Names;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.TierChanged;
import io.kopilka.tier.Tiers;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A member's new level, up or down (occasion {@code tier:<to>:<at epoch millis>}: one per change). */
@Component
class TierNotices {
    private final Notifications notifications;
    private final Tiers tiers;

    TierNotices(Notifications notifications, Tiers tiers) {
        this.notifications = notifications;
        this.tiers = tiers;
    }

    @ApplicationModuleListener
    void on(TierChanged changed) {
        Ladder ladder = tiers.ladder(changed.tenant());
        Optional<Level> to = ladder.level(changed.to());
        if (to.isEmpty()) {
            return; // the level left the ladder since: nothing true to say
        }
        Optional<Level> from = Optional.ofNullable(changed.from()).flatMap(ladder::level);
        Map<String, Object> facts = new HashMap<>();
        facts.put("levelName", Names.of(to.get().name()));
        from.ifPresent(level -> facts.put("previousLevelName", Names.of(level.name())));
        facts.put("up", from.map(level -> higher(ladder, to.get(), level)).orElse(true));
        notifications.notify(new Notice(changed.tenant(), changed.member(), NoticeKind.TIER_CHANGED,
                "tier:" + changed.to() + ":" + changed.at().toEpochMilli(), facts, changed.at()));
    }

    /**
     * Whether {@code to} is above {@code from}: by threshold, and a manual level (no threshold, e.g. VIP)
     * above every level members reach by themselves; two manual levels by their place in the ladder.
     */
    static boolean higher(Ladder ladder, Level to, Level from) {
        if (to.threshold() != null && from.threshold() != null) {
            return to.threshold().compareTo(from.threshold()) > 0;
        }
        if (to.threshold() == null && from.threshold() == null) {
            return ladder.levels().indexOf(to) > ladder.levels().indexOf(from);
        }
        return to.threshold() == null;
    }
}
