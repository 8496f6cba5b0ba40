package io.kopilka.ledger;

import java.time.Instant;
import java.util.List;

/** What a member sees: spendable now, on the way, and what expires next (the reminder data). */
public record Balance(long available, long pending, List<Expiring> expiring) {
    public record Expiring(long points, Instant expiresAt) {
    }
}
