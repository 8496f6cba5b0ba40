package io.kopilka.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DefaultCountryTest {
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static String of(String explicit, String currency, String zone, Language language) {
        return DefaultCountry.of(Optional.ofNullable(explicit), Currency.getInstance(currency), ZoneId.of(zone), language);
    }

    @Test
    void tengeMeansKazakhstan() {
        assertThat(of(null, "KZT", "UTC", Language.EN)).isEqualTo("KZ");
    }

    @Test
    void roubleMeansRussia() {
        assertThat(of(null, "RUB", "UTC", Language.EN)).isEqualTo("RU");
    }

    @Test
    void currencyWinsOverTimeZoneAndLanguage() {
        assertThat(of(null, "RUB", "Asia/Almaty", Language.KK)).isEqualTo("RU");
        assertThat(of(null, "KZT", "Europe/Moscow", Language.RU)).isEqualTo("KZ");
    }

    @Test
    void dollarsInAlmatyMeanKazakhstan() {
        assertThat(of(null, "USD", "Asia/Almaty", Language.EN)).isEqualTo("KZ");
    }

    @Test
    void dollarsInMoscowMeanRussia() {
        assertThat(of(null, "USD", "Europe/Moscow", Language.EN)).isEqualTo("RU");
    }

    @Test
    void languageDecidesWhenCurrencyAndZoneSayNothing() {
        assertThat(of(null, "USD", "UTC", Language.KK)).isEqualTo("KZ");
        assertThat(of(null, "EUR", "UTC", Language.RU)).isEqualTo("RU");
    }

    @Test
    void explicitCountryWinsAndIsUpperCased() {
        assertThat(of("de", "KZT", "Asia/Almaty", Language.KK)).isEqualTo("DE");
        assertThat(of("RU", "KZT", "Asia/Almaty", Language.KK)).isEqualTo("RU");
    }

    @Test
    void nothingKnownMeansUnknown() {
        assertThat(of(null, "USD", "UTC", Language.EN)).isEqualTo(DefaultCountry.UNKNOWN).isEqualTo("ZZ");
        assertThat(DefaultCountry.of(Optional.empty(), Currency.getInstance("EUR"), UTC, Language.EN)).isEqualTo("ZZ");
    }

    @ParameterizedTest
    @CsvSource({"BYN, BY", "UZS, UZ", "KGS, KG", "UAH, UA", "GBP, GB", "TRY, TR", "AMD, AM", "GEL, GE"})
    void otherCurrenciesThatNameACountry(String currency, String country) {
        assertThat(of(null, currency, "UTC", Language.EN)).isEqualTo(country);
    }

    @ParameterizedTest
    @ValueSource(strings = {"KZ", "kz", "RU", "US", "DE"})
    void knownCountries(String code) {
        assertThat(DefaultCountry.isKnownCountry(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ZZ", "XX", "KAZ", "K", "7"})
    void unknownCountries(String code) {
        assertThat(DefaultCountry.isKnownCountry(code)).isFalse();
    }
}
