package io.kopilka.web.wallet;

import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How the wallet writes numbers, days and sentences for one reader: in the business's time zone and
 * the member's language, with the bundles' plurals ("1 балл", "2 балла", "5 баллов").
 */
record WalletFormats(ZoneId zone, String language, Instant now) {
    private static final char THIN_SPACE = '\u202F';

    String text(String key, Map<String, Object> args) {
        return Texts.messages().render(new Text(key, args), language);
    }

    String text(Text text) {
        return Texts.messages().render(text, language);
    }

    /** "1 250 баллов". */
    String points(long points) {
        return text("wallet.points", Map.of("n", points, "shown", grouped(points)));
    }

    /** A history line's figure: "+120", "−300". */
    String signed(long points) {
        return (points < 0 ? "−" : "+") + grouped(Math.abs(points));
    }

    /** Digits grouped by three with a narrow no-break space, as receipts print money. */
    static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + 4);
        if (n < 0) {
            out.append('−');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(THIN_SPACE);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /** "25 декабря", with the year only when it is not this one. */
    String day(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        String pattern = local.getYear() == now.atZone(zone).getYear() ? "d MMMM" : "d MMMM yyyy";
        return DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(language)).format(local);
    }

    /** A share "0.64" as a bar's 0 to 100; null reads 0. */
    static int percent(String share) {
        return share == null ? 0 : percent(new BigDecimal(share));
    }

    static int percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.DOWN).max(BigDecimal.ZERO)
                .min(BigDecimal.valueOf(100)).intValue();
    }

    /** A card number in groups of four: "1234 5678 9012". */
    static String card(String digits) {
        if (digits == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(digits.length() + 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(' ');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }
}
