package io.kopilka.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies one rule inside a tenant; a type of its own, so ids of different things cannot be swapped. */
public record RuleId(UUID value) {
    public RuleId {
        Objects.requireNonNull(value, "rule id");
    }

    /** A new, time-ordered id ({@link Ids#next}). */
    public static RuleId next() {
        return new RuleId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
