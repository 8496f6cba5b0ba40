package io.kopilka.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The calendar of the daily reminders, in the tenant's time zone: when a tenant's day is due, when a member's
 * balance reminder is due again, and up to when a coupon is reminded of.
 */
public final class ReminderDays {

    private ReminderDays() {
    }

    /**
     * Whether the balance reminder is due today: never had one, or the last (of any status: one that could not
     * reach the member is not tried again every day) was {@code everyDays} local days ago or more.
     */
    public static boolean balanceDue(Optional<Instant> lastNotice, int everyDays, Instant now, ZoneId zone) {
        if (lastNotice.isEmpty()) {
            return true;
        }
        LocalDate last = lastNotice.get().atZone(zone).toLocalDate();
        return !last.plusDays(everyDays).isAfter(now.atZone(zone).toLocalDate());
    }

    /**
     * The end of the coupon reminders' window: the end of the local day {@code days} days from today. A coupon
     * expiring on the 14th is reminded on the 11th with {@code days} 3, whatever its hour.
     */
    public static Instant couponWindowEnd(int days, Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate().plusDays(days + 1L).atStartOfDay(zone).toInstant();
    }

    /** Whether a tenant's reminders are due: its local time has passed {@code from} and today was not done. */
    public static boolean dayDue(Optional<LocalDate> lastDone, java.time.LocalTime from, Instant now, ZoneId zone) {
        var local = now.atZone(zone);
        return !local.toLocalTime().isBefore(from)
                && lastDone.map(done -> done.isBefore(local.toLocalDate())).orElse(true);
    }
}
