package io.kopilka.tenant;

import java.time.Instant;

/** A point of sale of a tenant: a shop, a salon, a web shop. Identified by its code. */
public record Store(String code, String name, Instant createdAt) {
}
