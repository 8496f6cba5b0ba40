package io.kopilka.web.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WalletFormatsTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    @Test
    void pointsTakeTheirPluralAndAreGroupedByThree() {
        var ru = new WalletFormats(ALMATY, "ru", NOW);
        assertThat(ru.points(1)).isEqualTo("1 балл");
        assertThat(ru.points(22)).isEqualTo("22 балла");
        assertThat(ru.points(12_500)).isEqualTo("12\u202F500 баллов");
        assertThat(new WalletFormats(ALMATY, "kk", NOW).points(5)).isEqualTo("5 ұпай");
        assertThat(new WalletFormats(ALMATY, "en", NOW).points(1)).isEqualTo("1 point");
        assertThat(ru.signed(-300)).isEqualTo("−300");
        assertThat(ru.signed(1200)).isEqualTo("+1\u202F200");
    }

    @Test
    void daysAreTheBusinesssWithTheYearOnlyWhenAnother() {
        var ru = new WalletFormats(ALMATY, "ru", NOW);
        // 20:00 UTC on the 24th is already the 25th in Almaty.
        assertThat(ru.day(Instant.parse("2026-12-24T20:00:00Z"))).isEqualTo("25 декабря");
        assertThat(ru.day(Instant.parse("2027-01-10T06:00:00Z"))).isEqualTo("10 января 2027");
        assertThat(new WalletFormats(ALMATY, "en", NOW).day(Instant.parse("2026-12-24T20:00:00Z")))
                .isEqualTo("25 December");
    }

    @Test
    void cardNumbersReadInFours() {
        assertThat(WalletFormats.card("123456789012")).isEqualTo("1234 5678 9012");
        assertThat(WalletFormats.card(null)).isEmpty();
    }

    @Test
    void sharesBecomeABarsWidth() {
        assertThat(WalletFormats.percent("0.64")).isEqualTo(64);
        assertThat(WalletFormats.percent((String) null)).isZero();
        assertThat(WalletFormats.percent(new BigDecimal("1.70"))).isEqualTo(100);
    }
}
