package io.kopilka.cause;

import java.time.Instant;
import java.util.UUID;

/**
 * A cause with what has been given to it.
 *
 * @param totalPoints the points given, by members and by the business's rules, less what returns took back
 * @param donors      the members who have donated to it at least once
 */
public record Cause(UUID id, CauseDraft draft, long totalPoints, long donors, Instant createdAt, Instant updatedAt) {

    /** The whole units reached. */
    public long units() {
        return CauseTotals.units(totalPoints, draft.pointsPerUnit());
    }

    /** {@link CauseTotals#progress}; null without a goal. */
    public String progress() {
        return CauseTotals.progress(units(), draft.goalUnits());
    }
}
