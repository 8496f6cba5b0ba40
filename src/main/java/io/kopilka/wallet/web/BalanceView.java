package io.kopilka.wallet.web;

import io.kopilka.wallet.WalletBalance;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** The balance document: times in the tenant's zone, the value as a string at the currency's scale. */
record BalanceView(long available, long pending, String value, List<ExpiringView> expiring, Object tier) {

    record ExpiringView(long points, OffsetDateTime expiresAt) {
    }

    static BalanceView of(WalletBalance balance, ZoneId zone) {
        return new BalanceView(balance.available(), balance.pending(), balance.value().plain(),
                balance.expiring().stream()
                        .map(e -> new ExpiringView(e.points(), e.expiresAt().atZone(zone).toOffsetDateTime())).toList(),
                balance.tier());
    }
}
