package io.kopilka.occasion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BirthdayCalendarTest {

    @Test
    void aDayCelebratesItsOwnBirthdays() {
        assertThat(BirthdayCalendar.celebratedOn(LocalDate.of(2026, 4, 2))).containsExactly("04-02");
    }

    @Test
    void the29thOfFebruaryIsCelebratedOnThe28thInACommonYear() {
        assertThat(BirthdayCalendar.celebratedOn(LocalDate.of(2027, 2, 28))).containsExactly("02-28", "02-29");
        assertThat(BirthdayCalendar.celebratedOn(LocalDate.of(2027, 3, 1))).containsExactly("03-01");
        assertThat(BirthdayCalendar.isDue(LocalDate.of(2000, 2, 29), LocalDate.of(2027, 2, 28), 0)).isTrue();
        assertThat(BirthdayCalendar.celebration(LocalDate.of(2000, 2, 29), 2027)).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void inALeapYearThe29thIsItsOwnDay() {
        assertThat(BirthdayCalendar.celebratedOn(LocalDate.of(2028, 2, 28))).containsExactly("02-28");
        assertThat(BirthdayCalendar.celebratedOn(LocalDate.of(2028, 2, 29))).containsExactly("02-29");
        assertThat(BirthdayCalendar.isDue(LocalDate.of(2000, 2, 29), LocalDate.of(2028, 2, 28), 0)).isFalse();
        assertThat(BirthdayCalendar.isDue(LocalDate.of(2000, 2, 29), LocalDate.of(2028, 2, 29), 0)).isTrue();
    }

    @Test
    void daysBeforeLooksAhead() {
        assertThat(BirthdayCalendar.dueOn(LocalDate.of(2026, 3, 30), 3)).containsExactly("04-02");
        assertThat(BirthdayCalendar.dueOn(LocalDate.of(2026, 12, 30), 3)).containsExactly("01-02");
        assertThat(BirthdayCalendar.isDue(LocalDate.of(1990, 1, 2), LocalDate.of(2026, 12, 30), 3)).isTrue();
        assertThat(BirthdayCalendar.dueOn(LocalDate.of(2027, 2, 25), 3)).containsExactly("02-28", "02-29");
    }

    @Test
    void theNextCelebrationIsTodayOrLater() {
        LocalDate born = LocalDate.of(1990, 4, 2);
        assertThat(BirthdayCalendar.nextCelebration(born, LocalDate.of(2026, 4, 2))).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(BirthdayCalendar.nextCelebration(born, LocalDate.of(2026, 4, 3))).isEqualTo(LocalDate.of(2027, 4, 2));
    }
}
