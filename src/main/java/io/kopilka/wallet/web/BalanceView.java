package io.kopilka.wallet.web;

import io.kopilka.tier.TierProgress;
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
                           + "progress; null without a tier ladder") Object tier) {

    record ExpiringView(long points, OffsetDateTime expiresAt) {
    }

    static BalanceView of(WalletBalance balance, ZoneId zone) {
        return new BalanceView(balance.available(), balance.pending(), balance.value().plain(),
                balance.expiring().stream()
                        .map(e -> new ExpiringView(e.points(), e.expiresAt().atZone(zone).toOffsetDateTime())).toList(),
                balance.tier());
    }
}
