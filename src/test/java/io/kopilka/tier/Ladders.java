package io.kopilka.tier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Ladders for the unit tests: the one from docs/api.md, and variants of it. */
final class Ladders {
    static final Level BASE = new Level("base", "Base", new BigDecimal("0"), false, null);
    static final Level SILVER = new Level("silver", "Silver", new BigDecimal("5000.00"), false,
            new Benefits(new BigDecimal("1.5"), BigDecimal.ZERO, List.of("Free coffee")));
    static final Level GOLD = new Level("gold", "Gold", new BigDecimal("20000.00"), false,
            new Benefits(new BigDecimal("2"), new BigDecimal("5"), List.of()));
    static final Level VIP = new Level("vip", "VIP", null, true,
            new Benefits(new BigDecimal("2"), new BigDecimal("15"), List.of()));

    private Ladders() {
    }

    /** spend over 12 rolling months, 30 days of grace: base 0, silver 5000, gold 20000, vip by hand. */
    static Ladder spend() {
        return new Ladder(Metric.SPEND, Window.rollingMonths(12), 30, List.of(BASE, SILVER, GOLD, VIP), 1);
    }

    static Ladder withGrace(int days) {
        Ladder l = spend();
        return new Ladder(l.metric(), l.window(), days, l.levels(), l.version());
    }

    static Ladder of(Metric metric, String... thresholds) {
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < thresholds.length; i++) {
            levels.add(new Level("l" + i, "Level " + i, new BigDecimal(thresholds[i]), false, null));
        }
        return new Ladder(metric, Window.LIFETIME, 0, levels, 1);
    }
}
