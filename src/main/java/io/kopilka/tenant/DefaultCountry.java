package io.kopilka.tenant;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The country whose phone numbering a tenant's customers most likely use, so that a cashier can
 * type {@code 8 701 123 45 67} without the country code. An explicit country wins; then the
 * currency, which names a country for the tenge and the rouble; then the time zone; then the
 * language. "ZZ" (unknown) means numbers must be written in international form.
 */
public final class DefaultCountry {
    public static final String UNKNOWN = "ZZ";

    private static final Map<String, String> BY_CURRENCY = Map.of(
            "KZT", "KZ", "RUB", "RU", "BYN", "BY", "UZS", "UZ", "KGS", "KG",
            "UAH", "UA", "GBP", "GB", "TRY", "TR", "AMD", "AM", "GEL", "GE");

    private static final Map<String, String> BY_ZONE = Map.ofEntries(
            Map.entry("Asia/Almaty", "KZ"), Map.entry("Asia/Qostanay", "KZ"), Map.entry("Asia/Aqtobe", "KZ"),
            Map.entry("Asia/Aqtau", "KZ"), Map.entry("Asia/Atyrau", "KZ"), Map.entry("Asia/Oral", "KZ"),
            Map.entry("Asia/Qyzylorda", "KZ"), Map.entry("Europe/Moscow", "RU"), Map.entry("Europe/Samara", "RU"),
            Map.entry("Europe/Kaliningrad", "RU"), Map.entry("Asia/Yekaterinburg", "RU"), Map.entry("Asia/Omsk", "RU"),
            Map.entry("Asia/Novosibirsk", "RU"), Map.entry("Asia/Krasnoyarsk", "RU"), Map.entry("Asia/Irkutsk", "RU"),
            Map.entry("Asia/Yakutsk", "RU"), Map.entry("Asia/Vladivostok", "RU"), Map.entry("Asia/Magadan", "RU"),
            Map.entry("Asia/Kamchatka", "RU"), Map.entry("Asia/Tashkent", "UZ"), Map.entry("Asia/Bishkek", "KG"),
            Map.entry("Europe/Minsk", "BY"), Map.entry("Europe/Kyiv", "UA"), Map.entry("Europe/London", "GB"),
            Map.entry("Europe/Berlin", "DE"), Map.entry("America/New_York", "US"), Map.entry("America/Chicago", "US"),
            Map.entry("America/Los_Angeles", "US"), Map.entry("Europe/Istanbul", "TR"), Map.entry("Asia/Tbilisi", "GE"),
            Map.entry("Asia/Yerevan", "AM"));

    private static final Map<Language, String> BY_LANGUAGE = Map.of(Language.KK, "KZ", Language.RU, "RU");

    private DefaultCountry() {
    }

    public static String of(Optional<String> explicit, Currency currency, ZoneId zone, Language language) {
        return explicit.map(c -> c.toUpperCase(Locale.ROOT))
                .or(() -> Optional.ofNullable(BY_CURRENCY.get(currency.getCurrencyCode())))
                .or(() -> Optional.ofNullable(BY_ZONE.get(zone.getId())))
                .or(() -> Optional.ofNullable(BY_LANGUAGE.get(language)))
                .orElse(UNKNOWN);
    }

    public static boolean isKnownCountry(String code) {
        return code != null && code.length() == 2
                && java.util.Arrays.asList(Locale.getISOCountries()).contains(code.toUpperCase(Locale.ROOT));
    }
}
