package io.kopilka.tier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's levels, in the owner's order, with how they are qualified for: one metric over one
 * window for every automatic level, and a grace period before a downgrade. A ladder without levels
 * means the tenant runs no tiers.
 *
 * <p>The methods assume a valid ladder ({@link LadderValidation}): at least one automatic level, the
 * first at threshold 0, thresholds strictly increasing. Because they increase, comparing two
 * automatic levels' thresholds is comparing their ranks.
 *
 * @param version increases with every replacement
 */
public record Ladder(Metric metric, Window window, int graceDays, List<Level> levels, long version) {

    public Ladder {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public static Ladder none() {
        return new Ladder(Metric.SPEND, Window.LIFETIME, 0, List.of(), 0);
    }

    public boolean configured() {
        return !levels.isEmpty();
    }

    public Optional<Level> level(String code) {
        return levels.stream().filter(l -> Objects.equals(l.code(), code)).findFirst();
    }

    public List<Level> automatic() {
        return levels.stream().filter(l -> !l.manual()).toList();
    }

    /** Where every member starts: the first automatic level (threshold 0). */
    public Level entry() {
        return automatic().getFirst();
    }

    /** The highest automatic level whose threshold {@code value} meets; the entry level below all. */
    public Level reached(BigDecimal value) {
        Level reached = entry();
        for (Level level : automatic()) {
            if (value.compareTo(level.threshold()) >= 0) {
                reached = level;
            }
        }
        return reached;
    }

    /** The next automatic level above {@code level}; none above the top or above a manual level. */
    public Optional<Level> above(Level level) {
        if (level.manual() || level.threshold() == null) {
            return Optional.empty();
        }
        return automatic().stream().filter(l -> l.threshold().compareTo(level.threshold()) > 0).findFirst();
    }

    /** When a member below their level's threshold since {@code belowSince} is moved down. */
    public Instant graceEnds(Instant belowSince, ZoneId zone) {
        return belowSince.atZone(zone).plusDays(graceDays).toInstant();
    }
}
