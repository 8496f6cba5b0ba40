package io.kopilka.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies one member (customer) inside a tenant. */
public record MemberId(UUID value) {
    public MemberId {
        Objects.requireNonNull(value, "member id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
