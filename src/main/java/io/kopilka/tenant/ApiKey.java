package io.kopilka.tenant;

import java.time.Instant;
import java.util.UUID;

/** A key as listed to its owner: never the secret, only a prefix to recognise it. */
public record ApiKey(UUID id, String name, Role role, String storeCode, String prefix, Instant createdAt,
                     Instant revokedAt) {
}
