package io.kopilka.analytics.internal;

import io.kopilka.analytics.Summary;
import io.kopilka.ledger.EntryType;
import io.kopilka.ledger.PointsStatistics.DayMovement;
import io.kopilka.purchase.PurchaseStatistics.DayReturns;
import io.kopilka.purchase.PurchaseStatistics.DaySales;
import io.kopilka.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds the modules' sparse rows (a day with nothing has no row) into one entry per day and the range's
 * totals. Plain Java: what counts as issued or redeemed is decided here, not in SQL.
 */
final class DailyFigures {
    /** Points the program gives. Transfers only move points between members; a refund gives back spent ones. */
    static final Set<EntryType> ISSUING = EnumSet.of(EntryType.EARN, EntryType.WELCOME, EntryType.BIRTHDAY,
            EntryType.REFERRAL, EntryType.GIFT, EntryType.CHALLENGE, EntryType.WIN_BACK, EntryType.ADJUST);
    /** Points members spend. */
    static final Set<EntryType> SPENDING = EnumSet.of(EntryType.REDEEM, EntryType.REWARD, EntryType.DONATE);

    private final Currency currency;
    private final Map<LocalDate, Day> days = new TreeMap<>();

    DailyFigures(LocalDate from, LocalDate to, Currency currency) {
        this.currency = currency;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new Day());
        }
    }

    DailyFigures sales(List<DaySales> rows) {
        for (DaySales s : rows) {
            Day day = day(s.day());
            if (s.byMembers()) {
                day.memberPurchases += s.purchases();
                day.memberRevenue = day.memberRevenue.add(s.revenue());
            } else {
                day.guestPurchases += s.purchases();
                day.guestRevenue = day.guestRevenue.add(s.revenue());
            }
        }
        return this;
    }

    DailyFigures returns(List<DayReturns> rows) {
        for (DayReturns r : rows) {
            Day day = day(r.day());
            day.returns += r.returns();
            day.returned = day.returned.add(r.amount());
        }
        return this;
    }

    DailyFigures joined(Map<LocalDate, Long> joined) {
        joined.forEach((date, count) -> day(date).newMembers += count);
        return this;
    }

    DailyFigures points(List<DayMovement> rows) {
        for (DayMovement m : rows) {
            Day day = day(m.day());
            // A positive adjustment gives points, a negative one takes them back by hand: only the first issues.
            if (ISSUING.contains(m.type())) {
                day.issued += m.credited();
            }
            if (SPENDING.contains(m.type())) {
                day.redeemed += m.debited();
            }
            if (m.type() == EntryType.EXPIRE) {
                day.expired += m.debited();
            }
            day.byType.merge(m.type().code(), m.credited() - m.debited(), Long::sum);
        }
        return this;
    }

    List<Summary.Day> days() {
        List<Summary.Day> out = new ArrayList<>(days.size());
        days.forEach((date, day) -> out.add(new Summary.Day(date, day.figures(currency))));
        return out;
    }

    Summary.Figures totals() {
        Day sum = new Day();
        for (Day d : days.values()) {
            sum.memberPurchases += d.memberPurchases;
            sum.guestPurchases += d.guestPurchases;
            sum.memberRevenue = sum.memberRevenue.add(d.memberRevenue);
            sum.guestRevenue = sum.guestRevenue.add(d.guestRevenue);
            sum.returns += d.returns;
            sum.returned = sum.returned.add(d.returned);
            sum.newMembers += d.newMembers;
            sum.issued += d.issued;
            sum.redeemed += d.redeemed;
            sum.expired += d.expired;
            d.byType.forEach((type, points) -> sum.byType.merge(type, points, Long::sum));
        }
        return sum.figures(currency);
    }

    /** A row outside the range would be a bug of the query's window: it fails loudly instead of being lost. */
    private Day day(LocalDate date) {
        Day day = days.get(date);
        if (day == null) {
            throw new IllegalStateException(date + " is outside the summary's days");
        }
        return day;
    }

    private static final class Day {
        long memberPurchases;
        long guestPurchases;
        BigDecimal memberRevenue = BigDecimal.ZERO;
        BigDecimal guestRevenue = BigDecimal.ZERO;
        long returns;
        BigDecimal returned = BigDecimal.ZERO;
        long newMembers;
        long issued;
        long redeemed;
        long expired;
        final Map<String, Long> byType = new TreeMap<>();

        Summary.Figures figures(Currency currency) {
            return new Summary.Figures(memberPurchases, guestPurchases, Money.of(memberRevenue, currency),
                    Money.of(guestRevenue, currency), returns, Money.of(returned, currency), newMembers, issued,
                    redeemed, expired, byType);
        }
    }
}
