package io.kopilka.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies one purchase inside a tenant; a type of its own, so ids of different things cannot be swapped. */
public record PurchaseId(UUID value) {
    public PurchaseId {
        Objects.requireNonNull(value, "purchase id");
    }

    /** A new, time-ordered id ({@link Ids#next}). */
    public static PurchaseId next() {
        return new PurchaseId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
