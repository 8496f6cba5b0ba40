package io.kopilka.web.admin.members;

import io.kopilka.member.PhoneNumbers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as the reader reads them: in the business's time zone, in the screen's language. */
public record Formats(ZoneId zone, Locale locale) {

    public String day(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(at.atZone(zone));
    }

    public String time(Instant at) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).format(at.atZone(zone));
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** A phone as people read it, in groups, not as stored (E.164). */
    public String phone(String e164) {
        return PhoneNumbers.readable(e164);
    }

    /** Points as a person reads a number: grouped by three ("12 500"), signed when asked. */
    public String points(long points, boolean signed) {
        String grouped = String.format(locale, "%,d", Math.abs(points));
        return (points < 0 ? "−" : signed && points > 0 ? "+" : "") + grouped;
    }
}
