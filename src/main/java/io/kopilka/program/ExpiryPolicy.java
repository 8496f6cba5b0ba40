package io.kopilka.program;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * When earned points expire: never; N months after they were earned; or N months after the
 * member's last activity (every purchase pushes all their live points forward).
 */
public record ExpiryPolicy(Mode mode, int months) {
    public static final ExpiryPolicy NONE = new ExpiryPolicy(Mode.NONE, 0);

    public enum Mode {
        NONE, AFTER_EARN, AFTER_INACTIVITY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Mode> fromCode(String code) {
            for (Mode m : values()) {
                if (m.code().equals(code)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /** The moment points earned (or last active) at {@code from} expire, counted in the tenant's calendar. */
    public Optional<Instant> expiresAt(Instant from, ZoneId zone) {
        if (mode == Mode.NONE) {
            return Optional.empty();
        }
        return Optional.of(from.atZone(zone).plusMonths(months).toInstant());
    }
}
