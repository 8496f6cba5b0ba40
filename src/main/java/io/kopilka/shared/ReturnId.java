package io.kopilka.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies one return inside a tenant; a type of its own, so ids of different things cannot be swapped. */
public record ReturnId(UUID value) {
    public ReturnId {
        Objects.requireNonNull(value, "return id");
    }

    /** A new, time-ordered id ({@link Ids#next}). */
    public static ReturnId next() {
        return new ReturnId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
