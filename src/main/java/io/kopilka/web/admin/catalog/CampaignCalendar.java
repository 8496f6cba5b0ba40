package io.kopilka.web.admin.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The campaign calendar's layout, without Spring or a page: which days each campaign's bar covers in a
 * month's weeks or in a year's month rows, on which line it goes so that bars running at once never
 * cover each other, and where the plan has holes (a week, Monday to Sunday, with no campaign) and
 * crowds (a day with two or more). An owner reads it to see "nothing runs in the second half of
 * August" and "the New Year sale and the stamp card collide in December".
 */
public final class CampaignCalendar {
    private CampaignCalendar() {
    }

    /** What a campaign is: a rule, a challenge or a reward. */
    public enum Kind {
        RULE, CHALLENGE, REWARD;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One campaign, by days of the tenant's calendar.
     *
     * @param from  the first day it runs; null: since always
     * @param until the last day it runs (inclusive); null: with no end
     */
    public record Campaign(Kind kind, String id, String name, LocalDate from, LocalDate until) {
        boolean runsOn(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until));
        }

        boolean runsWithin(LocalDate first, LocalDate last) {
            return (from == null || !from.isAfter(last)) && (until == null || !until.isBefore(first));
        }
    }

    /**
     * A campaign's bar in a strip of days (a week or a month row): columns from 1.
     *
     * @param line            0 for the first line of bars, 1 below it, ...
     * @param startsEarlier   it began before the strip (the bar's left edge is not its start)
     * @param continuesLater  it goes on after the strip
     */
    public record Bar(Campaign campaign, int firstColumn, int lastColumn, int line, boolean startsEarlier,
                      boolean continuesLater) {
        /** For CSS grid: {@code grid-column: first / end}. */
        public int endColumn() {
            return lastColumn + 1;
        }
    }

    /** Consecutive days of one kind (a gap or an overlap), both ends included. */
    public record Span(LocalDate first, LocalDate last) {
    }

    /** A day of the month view: how many campaigns run on it; {@code inMonth} false for the days of the weeks' edges. */
    public record Day(LocalDate date, boolean inMonth, int campaigns, boolean gapWeek) {
        public boolean overlap() {
            return campaigns >= 2;
        }
    }

    public record Week(List<Day> days, List<Bar> bars, int lines, boolean gap) {
    }

    public record MonthView(YearMonth month, List<Week> weeks, List<Span> gaps, List<Span> overlaps,
                            List<Campaign> campaigns) {
    }

    /**
     * One month of the year view.
     *
     * @param gapDays     the days of the month that fall in a week with no campaign
     * @param overlapDays the days of the month with two campaigns or more
     */
    public record MonthRow(YearMonth month, List<Bar> bars, int lines, List<Span> gaps, List<Span> overlaps,
                           List<Integer> gapDays, List<Integer> overlapDays) {
        public int days() {
            return month.lengthOfMonth();
        }
    }

    public record YearView(int year, List<MonthRow> months, List<Span> gaps, List<Span> overlaps) {
    }

    /** The month as weeks from Monday to Sunday, with the bars of the campaigns that run in each. */
    public static MonthView month(YearMonth month, List<Campaign> campaigns) {
        LocalDate first = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<Week> weeks = new ArrayList<>();
        for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
            LocalDate monday = week;
            LocalDate sunday = monday.plusDays(6);
            boolean gap = campaigns.stream().noneMatch(c -> c.runsWithin(monday, sunday));
            List<Day> days = new ArrayList<>();
            for (LocalDate d = monday; !d.isAfter(sunday); d = d.plusDays(1)) {
                days.add(new Day(d, YearMonth.from(d).equals(month), count(campaigns, d), gap));
            }
            List<Bar> bars = bars(campaigns, monday, sunday);
            weeks.add(new Week(days, bars, lines(bars), gap));
        }
        LocalDate start = month.atDay(1);
        LocalDate end = month.atEndOfMonth();
        return new MonthView(month, weeks, gaps(campaigns, start, end), overlaps(campaigns, start, end),
                campaigns.stream().filter(c -> c.runsWithin(start, end)).sorted(ORDER).toList());
    }

    /** Twelve rows, one per month, each with its campaigns' bars by day of the month. */
    public static YearView year(int year, List<Campaign> campaigns) {
        List<MonthRow> rows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            LocalDate first = month.atDay(1);
            LocalDate last = month.atEndOfMonth();
            List<Bar> bars = bars(campaigns, first, last);
            List<Span> gaps = gaps(campaigns, first, last);
            List<Span> overlaps = overlaps(campaigns, first, last);
            rows.add(new MonthRow(month, bars, lines(bars), gaps, overlaps, daysOf(gaps), daysOf(overlaps)));
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        return new YearView(year, rows, gaps(campaigns, first, last), overlaps(campaigns, first, last));
    }

    private static final Comparator<Campaign> ORDER = Comparator
            .comparing(Campaign::from, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Campaign::until, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Campaign::name).thenComparing(Campaign::id);

    /**
     * The bars of the campaigns running between {@code first} and {@code last}, each on the first line
     * free over all its days: the greedy interval colouring, which uses as few lines as the most
     * campaigns that run on one day.
     */
    static List<Bar> bars(List<Campaign> campaigns, LocalDate first, LocalDate last) {
        List<Campaign> running = campaigns.stream().filter(c -> c.runsWithin(first, last)).sorted(ORDER).toList();
        List<Integer> lineEnds = new ArrayList<>(); // per line, the last column taken so far
        List<Bar> bars = new ArrayList<>();
        for (Campaign c : running) {
            boolean earlier = c.from() == null || c.from().isBefore(first);
            boolean later = c.until() == null || c.until().isAfter(last);
            int firstColumn = earlier ? 1 : (int) (c.from().toEpochDay() - first.toEpochDay()) + 1;
            int lastColumn = later ? (int) (last.toEpochDay() - first.toEpochDay()) + 1
                    : (int) (c.until().toEpochDay() - first.toEpochDay()) + 1;
            int line = 0;
            while (line < lineEnds.size() && lineEnds.get(line) >= firstColumn) {
                line++;
            }
            if (line == lineEnds.size()) {
                lineEnds.add(lastColumn);
            } else {
                lineEnds.set(line, lastColumn);
            }
            bars.add(new Bar(c, firstColumn, lastColumn, line, earlier, later));
        }
        return List.copyOf(bars);
    }

    /**
     * The days between {@code first} and {@code last} that lie in a week (Monday to Sunday, as the
     * whole week, even across the strip's edge) in which no campaign runs on any day.
     */
    static List<Span> gaps(List<Campaign> campaigns, LocalDate first, LocalDate last) {
        List<Span> spans = new ArrayList<>();
        LocalDate start = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate week = start; !week.isAfter(last); week = week.plusWeeks(1)) {
            LocalDate monday = week;
            LocalDate sunday = monday.plusDays(6);
            if (campaigns.stream().noneMatch(c -> c.runsWithin(monday, sunday))) {
                add(spans, max(monday, first), min(sunday, last));
            }
        }
        return List.copyOf(spans);
    }

    /** The days between {@code first} and {@code last} on which two campaigns or more run, as spans. */
    static List<Span> overlaps(List<Campaign> campaigns, LocalDate first, LocalDate last) {
        List<Span> spans = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (count(campaigns, d) >= 2) {
                add(spans, d, d);
            }
        }
        return List.copyOf(spans);
    }

    private static int count(List<Campaign> campaigns, LocalDate day) {
        return (int) campaigns.stream().filter(c -> c.runsOn(day)).count();
    }

    /** Appends a span, joining it to the last one when they touch. */
    private static void add(List<Span> spans, LocalDate first, LocalDate last) {
        if (!spans.isEmpty() && spans.getLast().last().plusDays(1).equals(first)) {
            spans.set(spans.size() - 1, new Span(spans.getLast().first(), last));
        } else {
            spans.add(new Span(first, last));
        }
    }

    private static List<Integer> daysOf(List<Span> spans) {
        List<Integer> days = new ArrayList<>();
        for (Span s : spans) {
            for (LocalDate d = s.first(); !d.isAfter(s.last()); d = d.plusDays(1)) {
                days.add(d.getDayOfMonth());
            }
        }
        return List.copyOf(days);
    }

    private static int lines(List<Bar> bars) {
        return bars.stream().mapToInt(Bar::line).max().orElse(-1) + 1;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
