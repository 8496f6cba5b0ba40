package io.kopilka.engagement;

import java.time.Instant;
import java.util.UUID;

/** A challenge of a tenant as stored. */
public record Challenge(UUID id, ChallengeDraft draft, Instant createdAt, Instant updatedAt) {
}
