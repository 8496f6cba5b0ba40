package io.kopilka.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies one business. Every row in the database carries it. */
public record TenantId(UUID value) {
    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
