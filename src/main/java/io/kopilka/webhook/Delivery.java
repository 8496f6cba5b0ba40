package io.kopilka.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event owed to one subscription, with how its attempts went.
 *
 * @param status pending, delivered or failed (for good, after 24 hours of attempts)
 */
public record Delivery(UUID id, UUID subscriptionId, String eventId, String type, String status, int attempts,
                       Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant createdAt,
                       Instant deliveredAt) {
}
