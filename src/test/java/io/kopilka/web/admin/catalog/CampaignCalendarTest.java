package io.kopilka.web.admin.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.web.admin.catalog.CampaignCalendar.Bar;
import io.kopilka.web.admin.catalog.CampaignCalendar.Campaign;
import io.kopilka.web.admin.catalog.CampaignCalendar.Kind;
import io.kopilka.web.admin.catalog.CampaignCalendar.Span;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 004's annual plan: which bar goes where, and where the plan has holes and crowds. */
class CampaignCalendarTest {
    private static final Campaign NEW_YEAR = new Campaign(Kind.RULE, "r1", "New Year x2",
            LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 10));
    private static final Campaign STAMPS = new Campaign(Kind.CHALLENGE, "c1", "Every 6th coffee",
            LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 24));
    private static final Campaign SPRING = new Campaign(Kind.REWARD, "w1", "Spring tulips",
            LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 8));
    private static final Campaign ALWAYS = new Campaign(Kind.RULE, "r0", "Points on every purchase", null, null);

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void aBarCoversItsDaysOfTheMonthAndSaysWhenItRunsOnPastTheEdge() {
        var december = CampaignCalendar.year(2026, List.of(NEW_YEAR)).months().get(11);
        assertThat(december.bars()).singleElement().satisfies(bar -> {
            assertThat(bar.firstColumn()).isEqualTo(20);
            assertThat(bar.lastColumn()).isEqualTo(31);
            assertThat(bar.endColumn()).isEqualTo(32);
            assertThat(bar.startsEarlier()).isFalse();
            assertThat(bar.continuesLater()).isTrue();
        });
        var january = CampaignCalendar.year(2027, List.of(NEW_YEAR)).months().getFirst();
        assertThat(january.bars()).singleElement().satisfies(bar -> {
            assertThat(bar.firstColumn()).isEqualTo(1);
            assertThat(bar.lastColumn()).isEqualTo(10);
            assertThat(bar.startsEarlier()).isTrue();
            assertThat(bar.continuesLater()).isFalse();
        });
    }

    @Test
    void campaignsAtOnceGoOnSeparateLinesAndTheirCommonDaysAreAnOverlap() {
        var december = CampaignCalendar.year(2026, List.of(NEW_YEAR, STAMPS)).months().get(11);
        assertThat(december.bars()).extracting(b -> b.campaign().id(), Bar::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", 0), org.assertj.core.groups.Tuple.tuple("r1", 1));
        assertThat(december.lines()).isEqualTo(2);
        assertThat(december.overlaps()).containsExactly(new Span(day(12, 20), day(12, 24)));
        assertThat(december.overlapDays()).containsExactly(20, 21, 22, 23, 24);
    }

    @Test
    void aLineIsReusedOnceTheCampaignBeforeHasEnded() {
        var after = new Campaign(Kind.REWARD, "w2", "After", day(12, 25), day(12, 31));
        var bars = CampaignCalendar.year(2026, List.of(STAMPS, after)).months().get(11).bars();
        assertThat(bars).extracting(Bar::line).containsExactly(0, 0);
    }

    @Test
    void aWeekWithNoCampaignIsAGapWholeWeeksOnly() {
        // Spring runs 1–8 March 2026 (Sunday to Sunday): the weeks of 23 Feb and 2 Mar are covered.
        var year = CampaignCalendar.year(2026, List.of(SPRING));
        var march = year.months().get(2);
        assertThat(march.gaps()).containsExactly(new Span(day(3, 9), day(3, 31)));
        var february = year.months().get(1);
        assertThat(february.gaps()).containsExactly(new Span(day(2, 1), day(2, 22)));
        assertThat(year.overlaps()).isEmpty();
        // The year's gaps join across months: from 9 March to the year's end is one hole.
        assertThat(year.gaps()).containsExactly(new Span(day(1, 1), day(2, 22)), new Span(day(3, 9), day(12, 31)));
    }

    @Test
    void anOpenEndedCampaignRunsEveryDayAndLeavesNoGaps() {
        var year = CampaignCalendar.year(2026, List.of(ALWAYS, SPRING));
        assertThat(year.gaps()).isEmpty();
        assertThat(year.months().get(5).bars()).singleElement().satisfies(bar -> {
            assertThat(bar.startsEarlier()).isTrue();
            assertThat(bar.continuesLater()).isTrue();
            assertThat(bar.lastColumn()).isEqualTo(30);
        });
        assertThat(year.overlaps()).containsExactly(new Span(day(3, 1), day(3, 8)));
    }

    @Test
    void theMonthViewIsWeeksFromMondayWithEachDaysCount() {
        var view = CampaignCalendar.month(YearMonth.of(2026, 12), List.of(NEW_YEAR, STAMPS));
        // 1 December 2026 is a Tuesday: the first week starts on Monday 30 November.
        assertThat(view.weeks().getFirst().days().getFirst().date()).isEqualTo(day(11, 30));
        assertThat(view.weeks().getFirst().days().getFirst().inMonth()).isFalse();
        assertThat(view.weeks().getLast().days().getLast().date()).isEqualTo(LocalDate.of(2027, 1, 3));
        assertThat(view.weeks()).hasSize(5);
        var weekOf21 = view.weeks().get(3); // 21–27 December
        assertThat(weekOf21.bars()).extracting(Bar::firstColumn, Bar::lastColumn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 4), org.assertj.core.groups.Tuple.tuple(1, 7));
        assertThat(weekOf21.days().get(2).campaigns()).isEqualTo(2);
        assertThat(weekOf21.days().get(2).overlap()).isTrue();
        assertThat(weekOf21.days().get(4).overlap()).isFalse();
        assertThat(view.overlaps()).containsExactly(new Span(day(12, 20), day(12, 24)));
        assertThat(view.gaps()).isEmpty();
        assertThat(view.campaigns()).extracting(Campaign::id).containsExactly("c1", "r1");
    }

    @Test
    void anEmptyMonthIsOneGapAndEveryWeekSaysSo() {
        var view = CampaignCalendar.month(YearMonth.of(2026, 6), List.of(SPRING));
        assertThat(view.weeks()).allMatch(CampaignCalendar.Week::gap);
        assertThat(view.gaps()).containsExactly(new Span(day(6, 1), day(6, 30)));
        assertThat(view.campaigns()).isEmpty();
    }
}
