package io.kopilka.occasion;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * Which birthdays a day celebrates, and when a birthday's gift is due. A 29 February birthday is
 * celebrated on the 28th in other years. Pure.
 */
public final class BirthdayCalendar {
    private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

    private BirthdayCalendar() {
    }

    /** The birthdays ({@code "MM-dd"}) celebrated on {@code day}: its own, and 29 February on the 28th of a common year. */
    public static List<String> celebratedOn(LocalDate day) {
        String own = key(MonthDay.from(day));
        if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
            return List.of(own, key(LEAP_DAY));
        }
        return List.of(own);
    }

    /** The birthdays whose gift is due on {@code giftDay}: those celebrated {@code daysBefore} days later. */
    public static List<String> dueOn(LocalDate giftDay, int daysBefore) {
        return celebratedOn(giftDay.plusDays(daysBefore));
    }

    /** The day a birthday is celebrated in {@code year}. */
    public static LocalDate celebration(LocalDate birthDate, int year) {
        return MonthDay.from(birthDate).atYear(year);
    }

    /** The first celebration of the birthday on or after {@code day}. */
    public static LocalDate nextCelebration(LocalDate birthDate, LocalDate day) {
        LocalDate thisYear = celebration(birthDate, day.getYear());
        return thisYear.isBefore(day) ? celebration(birthDate, day.getYear() + 1) : thisYear;
    }

    /** Whether a member born on {@code birthDate} is due a gift on {@code giftDay}. */
    public static boolean isDue(LocalDate birthDate, LocalDate giftDay, int daysBefore) {
        return celebration(birthDate, giftDay.plusDays(daysBefore).getYear()).equals(giftDay.plusDays(daysBefore));
    }

    private static String key(MonthDay day) {
        return String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth());
    }
}
