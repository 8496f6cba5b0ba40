package io.kopilka.tier;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * The stretch of time whose activity qualifies a member for a level, counted in the tenant's
 * calendar: all time; the last N months; or the current calendar year.
 *
 * <p>An activity counts when {@code start <= occurredAt <= now}: a purchase made exactly 12 months
 * ago (to the microsecond) still counts in a 12-month window, one made a microsecond earlier does not.
 * The SQL that sums activity uses the same bounds, taking {@link #start} from here.
 *
 * @param months the N of {@code rolling_months}; 0 for the other types
 */
public record Window(Type type, int months) {
    public static final Window LIFETIME = new Window(Type.LIFETIME, 0);
    public static final Window CALENDAR_YEAR = new Window(Type.CALENDAR_YEAR, 0);

    public static Window rollingMonths(int months) {
        return new Window(Type.ROLLING_MONTHS, months);
    }

    public enum Type {
        LIFETIME, ROLLING_MONTHS, CALENDAR_YEAR;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Type> fromCode(String code) {
            for (Type t : values()) {
                if (t.code().equals(code)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The first instant of the window that ends at {@code now}; empty for a lifetime window. Months are
     * calendar months in {@code zone}, so "12 months before 29 February" is 28 February, and the
     * calendar year starts at midnight on 1 January in the tenant's zone, not in UTC.
     */
    public Optional<Instant> start(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        return switch (type) {
            case LIFETIME -> Optional.empty();
            case ROLLING_MONTHS -> Optional.of(local.minusMonths(months).toInstant());
            case CALENDAR_YEAR -> Optional.of(local.toLocalDate().withDayOfYear(1).atStartOfDay(zone).toInstant());
        };
    }

    /** Whether an activity at {@code occurredAt} counts in the window that ends at {@code now}. */
    public boolean includes(Instant occurredAt, Instant now, ZoneId zone) {
        return !occurredAt.isAfter(now) && start(now, zone).map(s -> !occurredAt.isBefore(s)).orElse(true);
    }
}
