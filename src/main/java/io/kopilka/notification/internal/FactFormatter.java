package io.kopilka.notification.internal;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import io.kopilka.shared.Money;
import io.kopilka.shared.Names;
import io.kopilka.tenant.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A notice's facts as a reader of one language sees them, before Mustache does: numbers grouped ("12 500",
 * "12,500"), money with its sign ("1 250 ₸", "$12.50"), dates in the tenant's zone ("14 марта",
 * "14 наурыз", "14 March"; the year only when it is not this one), names in the reader's language. Mustache
 * only pastes strings; the ICU plural helper reads the raw values, which each formatted map keeps.
 */
final class FactFormatter {
    private static final List<String> RU_MONTHS = List.of("января", "февраля", "марта", "апреля", "мая", "июня",
            "июля", "августа", "сентября", "октября", "ноября", "декабря");
    private static final List<String> KK_MONTHS = List.of("қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
            "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан");
    private static final List<String> EN_MONTHS = List.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");

    private final Language language;
    private final ZoneId zone;
    private final int currentYear;

    FactFormatter(Language language, ZoneId zone, Instant now) {
        this.language = language;
        this.zone = zone;
        this.currentYear = now.atZone(zone).getYear();
    }

    Language language() {
        return language;
    }

    /** Every fact formatted; lists of maps element by element. */
    Facts format(Map<String, Object> raw) {
        Facts formatted = new Facts(raw);
        raw.forEach((key, value) -> formatted.put(key, formatValue(value)));
        return formatted;
    }

    /** A value as the text shows it; booleans stay booleans (they open sections), lists become lists of maps. */
    Object formatValue(Object value) {
        return switch (value) {
            case Boolean b -> b;
            case List<?> list -> {
                List<Object> items = new ArrayList<>(list.size());
                for (Object item : list) {
                    items.add(item instanceof Map<?, ?> map ? format(stringKeys(map)) : formatValue(item));
                }
                yield items;
            }
            default -> text(value);
        };
    }

    /** A single value as text (what an ICU argument that is not a number receives too). */
    String text(Object value) {
        return switch (value) {
            case String s -> s;
            case Long n -> number(n);
            case Integer n -> number(n);
            case Money m -> money(m);
            case Names n -> n.in(language.tag());
            case Instant i -> date(i.atZone(zone).toLocalDate());
            case LocalDate d -> date(d);
            default -> String.valueOf(value);
        };
    }

    String number(long n) {
        return NumberFormat.getIntegerInstance(ULocale.forLanguageTag(language.tag())).format(n);
    }

    /** As receipts print it; in English grouped with commas and a decimal point ("12,500 ₸", "$1,250.50"). */
    String money(Money money) {
        String printed = money.printed();
        if (language != Language.EN) {
            return printed;
        }
        String decimalSwapped = money.currency().getCurrencyCode().equals("USD") ? printed : printed.replace(',', '.');
        return decimalSwapped.replace('\u202F', ',');
    }

    String date(LocalDate date) {
        int month = date.getMonthValue() - 1;
        boolean thisYear = date.getYear() == currentYear;
        return switch (language) {
            case RU -> date.getDayOfMonth() + " " + RU_MONTHS.get(month) + (thisYear ? "" : " " + date.getYear());
            case KK -> (thisYear ? "" : date.getYear() + " жылғы ") + date.getDayOfMonth() + " " + KK_MONTHS.get(month);
            case EN -> date.getDayOfMonth() + " " + EN_MONTHS.get(month) + (thisYear ? "" : " " + date.getYear());
        };
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    /** Formatted facts that remember the raw ones, for the plural helper. */
    static final class Facts extends HashMap<String, Object> {
        private final transient Map<String, Object> raw;

        Facts(Map<String, Object> raw) {
            this.raw = raw;
        }

        Map<String, Object> raw() {
            return raw;
        }
    }
}
