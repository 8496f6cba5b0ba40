package io.kopilka.tenant;

import java.util.Locale;
import java.util.Optional;

/** What a key may do: admin configures everything in its tenant, pos serves the till. */
public enum Role {
    ADMIN, POS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        for (Role r : values()) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
