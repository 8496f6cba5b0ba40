package io.kopilka.cause;

import java.util.UUID;

/**
 * A member's points given to a cause.
 *
 * @param units     the whole units of the cause this donation completed ({@link CauseTotals#unitsCompleted})
 * @param available the member's points available after it
 * @param pending   the member's points on the way after it
 * @param cause     the cause with its totals after it
 */
public record Donation(UUID id, UUID causeId, long points, long units, long available, long pending, Cause cause) {
}
