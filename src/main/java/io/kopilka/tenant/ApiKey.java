package io.kopilka.tenant;

import java.time.Instant;
import java.util.UUID;

/** A key as listed to its owner: never the secret, its last characters to recognise it. */
public record ApiKey(UUID id, String name, Role role, String storeCode, String hint, Instant createdAt,
                     Instant revokedAt) {
}
