package io.kopilka.tier;

import java.math.BigDecimal;

/**
 * One rung of the ladder. An automatic level is reached when the member's qualifying value is at
 * least its {@code threshold}; a manual level (VIP) has no threshold and only an admin assigns it.
 */
public record Level(String code, String name, BigDecimal threshold, boolean manual, Benefits benefits) {
    public Level {
        benefits = benefits == null ? Benefits.NONE : benefits;
    }
}
