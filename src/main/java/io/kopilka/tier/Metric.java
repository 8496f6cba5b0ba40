package io.kopilka.tier;

import java.util.Locale;
import java.util.Optional;

/** What a member's level is earned by: money spent, points earned, or visits made in the window. */
public enum Metric {
    SPEND, POINTS, VISITS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Metric> fromCode(String code) {
        for (Metric m : values()) {
            if (m.code().equals(code)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
