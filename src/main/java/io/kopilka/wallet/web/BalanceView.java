package io.kopilka.wallet.web;

import io.kopilka.tier.TierProgress;
import io.kopilka.wallet.Goal;
import io.kopilka.wallet.WalletBalance;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The balance document: times in the tenant's zone, the value as a string at the currency's scale. */
record BalanceView(@Schema(description = "Points the member may spend now") long available,
                   @Schema(description = "Points earned but not available yet") long pending,
                   @Schema(ref = "Money", description = "What the available points are worth") String value,
                   @Schema(description = "Available points by the time they expire, soonest first")
                   List<ExpiringView> expiring,
                   @Nullable @Schema(implementation = TierProgress.class, description = "The member's level and "
                           + "progress; null without a tier ladder") Object tier,
                   @Nullable @Schema(description = "How far the available points are along the member's goal; "
                           + "null without one") GoalView goal) {

    record ExpiringView(long points, OffsetDateTime expiresAt) {
    }

    /**
     * @param name     in the member's language
     * @param progress from "0.00" to "1.00"
     * @param rewardId null for a goal of the member's own
     */
    record GoalView(String name, long targetPoints, String progress, long remaining, @Nullable String rewardId) {
        static GoalView of(Goal.Progress p, String language) {
            return p == null ? null : new GoalView(p.goal().name().in(language), p.goal().targetPoints(),
                    p.progress().toPlainString(), p.remaining(), p.goal().rewardId());
        }
    }

    /** @param language the member's: a goal's name is shown in it */
    static BalanceView of(WalletBalance balance, ZoneId zone, String language) {
        return new BalanceView(balance.available(), balance.pending(), balance.value().plain(),
                balance.expiring().stream()
                        .map(e -> new ExpiringView(e.points(), e.expiresAt().atZone(zone).toOffsetDateTime())).toList(),
                balance.tier(), GoalView.of(balance.goal(), language));
    }
}
