package io.kopilka.badge.internal;

import io.kopilka.badge.Badges;
import io.kopilka.badge.Milestones;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.TierChanged;
import io.kopilka.tier.Tiers;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A badge for each level a member moves up to, in the transaction that moves them (the purchase,
 * the assignment or the re-evaluation batch publishes {@link TierChanged} in its own), so the badge
 * exists exactly when the level does. A move down, or a level taken out of the ladder, gives none.
 */
@Component
class LevelBadges {
    private final Badges badges;
    private final Tiers tiers;
    private final Tenants tenants;

    LevelBadges(Badges badges, Tiers tiers, Tenants tenants) {
        this.badges = badges;
        this.tiers = tiers;
        this.tenants = tenants;
    }

    @EventListener
    void on(TierChanged changed) {
        if (!Milestones.mayMoveUp(changed.reason())) {
            return;
        }
        Ladder ladder = tiers.ladder(changed.tenant());
        String name = ladder.level(changed.to()).map(Level::name).orElse(changed.to());
        Milestones.atLevel(changed.reason(), changed.from(), changed.to(),
                        ladder.levels().stream().map(Level::code).toList(), name,
                        tenants.get(changed.tenant()).locale().tag())
                .ifPresent(m -> badges.award(changed.tenant(), changed.member(), m.code(), m.name(), Milestones.TIER,
                        changed.at()));
    }
}
