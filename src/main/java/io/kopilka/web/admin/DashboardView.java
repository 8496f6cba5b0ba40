package io.kopilka.web.admin;

import io.kopilka.analytics.Summary;
import io.kopilka.analytics.Summary.Day;
import io.kopilka.analytics.Summary.Figures;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's figures as the page prints them: money as receipts print it, dates in the reader's
 * language, and the charts' series (a day each) as the chart script reads them.
 */
public record DashboardView(Period today, Period month, String from, String to, long liabilityPoints, String liabilityValue,
                     long expiringPoints, long expiringMembers, long warnedMembers, String expiringUntil,
                     List<Summary.TopRule> topRules, List<TopReward> topRewards, List<Row> rows, Chart purchases,
                     Chart points) {

    /** One period's figures. */
    public record Period(long memberPurchases, long guestPurchases, String revenue, long newMembers, long pointsIssued,
                  long pointsRedeemed, long pointsExpired, long returns) {
        static Period of(Figures f) {
            return new Period(f.memberPurchases(), f.guestPurchases(), f.memberRevenue().plus(f.guestRevenue()).printed(),
                    f.newMembers(), f.pointsIssued(), f.pointsRedeemed(), f.pointsExpired(), f.returns());
        }

        public long purchases() {
            return memberPurchases + guestPurchases;
        }

        /** The share of purchases made by members, in whole percent: how well the till asks "do you have our card?". */
        public long memberShare() {
            return purchases() == 0 ? 0 : Math.round(100.0 * memberPurchases / purchases());
        }
    }

    public record TopReward(String name, long coupons) {
    }

    /** A day of the table under the charts (the charts' figures for who does not see the picture). */
    public record Row(String date, long memberPurchases, long guestPurchases, long pointsIssued, long pointsRedeemed) {
    }

    /** A chart: day labels and two series, as data attributes the chart script reads. */
    public record Chart(List<Long> x, List<Long> first, List<Long> second) {
    }

    static DashboardView of(Summary s, Tenant business, Locale locale) {
        String language = Language.fromTag(locale.getLanguage()).orElse(Language.RU).tag();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM", Locale.forLanguageTag(language));
        ZoneId zone = business.timezone();
        List<Day> days = s.days();
        Figures today = days.isEmpty() ? s.totals() : days.getLast().figures();
        List<Long> x = days.stream().map(d -> d.date().atStartOfDay(zone).toEpochSecond()).toList();
        return new DashboardView(Period.of(today), Period.of(s.totals()), s.from().format(day), s.to().format(day),
                s.liability().points(), s.liability().value().printed(), s.expiring().points(), s.expiring().members(),
                s.expiring().warnedMembers(), LocalDate.ofInstant(s.expiring().until(), zone).format(day),
                s.topRules(), s.topRewards().stream().map(r -> new TopReward(r.name().in(language), r.coupons())).toList(),
                days.reversed().stream().map(d -> new Row(d.date().format(day), d.figures().memberPurchases(),
                        d.figures().guestPurchases(), d.figures().pointsIssued(), d.figures().pointsRedeemed())).toList(),
                new Chart(x, days.stream().map(d -> d.figures().memberPurchases()).toList(),
                        days.stream().map(d -> d.figures().guestPurchases()).toList()),
                new Chart(x, days.stream().map(d -> d.figures().pointsIssued()).toList(),
                        days.stream().map(d -> d.figures().pointsRedeemed()).toList()));
    }

    /** The warned members' share of those with expiring points, for the progress bar. */
    public long warnedShare() {
        return expiringMembers == 0 ? 100 : Math.round(100.0 * warnedMembers / expiringMembers);
    }

}
