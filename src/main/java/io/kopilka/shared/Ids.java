package io.kopilka.shared;

import com.github.f4b6a3.uuid.UuidCreator;
import java.util.Optional;
import java.util.UUID;

/**
 * Ids are made by the application, not by a database sequence: no row shared by a whole tenant is
 * written to hand them out. UUIDv7 keeps them time-ordered, so B-tree inserts stay at the right edge.
 */
public final class Ids {
    private Ids() {
    }

    public static UUID next() {
        return UuidCreator.getTimeOrderedEpoch();
    }

    /** Parses an id that came from outside; an id that is not a UUID simply matches nothing. */
    public static Optional<UUID> parse(String raw) {
        if (raw == null || raw.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
