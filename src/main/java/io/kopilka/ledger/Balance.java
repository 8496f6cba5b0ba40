package io.kopilka.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a member sees: spendable now, on the way, and what expires next (the reminder data). */
public record Balance(long available, long pending, List<Expiring> expiring) {
    /** How many of the next expiry dates are shown. */
    static final int EXPIRING_SHOWN = 5;

    public record Expiring(long points, Instant expiresAt) {
    }

    /** The balance of an account and its live lots at {@code now}: the next dates with what expires on each. */
    public static Balance of(Account account, List<Lot> lots, Instant now) {
        Map<Instant, Long> byDate = new TreeMap<>();
        lots.stream().filter(l -> l.live(now) && l.expiresAt() != null)
                .forEach(l -> byDate.merge(l.expiresAt(), l.remaining(), Long::sum));
        List<Expiring> expiring = byDate.entrySet().stream().limit(EXPIRING_SHOWN)
                .map(e -> new Expiring(e.getValue(), e.getKey())).toList();
        return new Balance(account.available(), account.pending(), expiring);
    }
}
