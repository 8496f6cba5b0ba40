package io.kopilka.tier;

import java.math.BigDecimal;

/** A member's qualifying activity summed over a window: returns already subtracted. */
public record ActivityTotals(BigDecimal spend, long points, long visits) {
    public static final ActivityTotals NONE = new ActivityTotals(BigDecimal.ZERO, 0, 0);

    /** The number the ladder's thresholds are compared with. */
    public BigDecimal value(Metric metric) {
        return switch (metric) {
            case SPEND -> spend;
            case POINTS -> BigDecimal.valueOf(points);
            case VISITS -> BigDecimal.valueOf(visits);
        };
    }
}
