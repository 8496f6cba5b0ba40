package io.kopilka.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PendingPointsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    @Test
    void lotsNotYetSpendableAreSummedByTheirDaySoonestFirst() {
        Instant tomorrow = NOW.plusSeconds(86_400);
        Instant later = NOW.plusSeconds(3 * 86_400);
        List<Lot> lots = List.of(
                lot(100, later, null),
                lot(40, tomorrow, null),
                lot(60, tomorrow, NOW.plusSeconds(400 * 86_400)),
                lot(500, NOW.minusSeconds(60), null),          // spendable already
                lot(0, tomorrow, null),                        // spent
                lot(70, tomorrow, NOW.minusSeconds(1)));        // expired before it was available
        assertThat(PendingPoints.Pending.of(lots, NOW)).containsExactly(
                new PendingPoints.Pending(100, tomorrow), new PendingPoints.Pending(100, later));
    }

    private static Lot lot(long remaining, Instant availableAt, Instant expiresAt) {
        return new Lot(UUID.randomUUID(), remaining, availableAt, expiresAt, null);
    }
}
