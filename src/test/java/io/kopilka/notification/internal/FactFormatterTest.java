package io.kopilka.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Template;
import io.kopilka.notification.NoticeKind;
import io.kopilka.shared.Money;
import io.kopilka.shared.Names;
import io.kopilka.tenant.Language;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class FactFormatterTest {
    private static final Instant NOW = Instant.parse("2026-03-11T09:00:00Z");
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private static FactFormatter in(Language language) {
        return new FactFormatter(language, ALMATY, NOW);
    }

    @Test
    void numbersAndMoneyAreGroupedAsTheLanguageWrites() {
        assertThat(in(Language.RU).text(12500L)).isEqualTo("12\u00A0500");
        assertThat(in(Language.EN).text(12500L)).isEqualTo("12,500");
        Money tenge = Money.of(new BigDecimal("1250"), Currency.getInstance("KZT"));
        assertThat(in(Language.RU).text(tenge)).isEqualTo("1\u202F250 ₸");
        assertThat(in(Language.EN).text(tenge)).isEqualTo("1,250 ₸");
        assertThat(in(Language.EN).text(Money.of(new BigDecimal("1250.5"), Currency.getInstance("USD"))))
                .isEqualTo("$1,250.50");
        assertThat(in(Language.RU).text(Money.of(new BigDecimal("99.9"), Currency.getInstance("RUB"))))
                .isEqualTo("99,90 ₽");
    }

    @Test
    void datesAreDaysInTheTenantsZoneWithTheYearOnlyWhenItIsAnother() {
        // 20:30 UTC on 13 March is already 14 March in Almaty.
        Instant lateEvening = Instant.parse("2026-03-13T20:30:00Z");
        assertThat(in(Language.RU).text(lateEvening)).isEqualTo("14 марта");
        assertThat(in(Language.KK).text(lateEvening)).isEqualTo("14 наурыз");
        assertThat(in(Language.EN).text(lateEvening)).isEqualTo("14 March");
        assertThat(in(Language.RU).text(LocalDate.of(2027, 1, 2))).isEqualTo("2 января 2027");
        assertThat(in(Language.KK).text(LocalDate.of(2027, 1, 2))).isEqualTo("2027 жылғы 2 қаңтар");
    }

    @Test
    void namesAreInTheReadersLanguageElseTheTenants() {
        Names gold = new Names("Золото", Map.of("kk", "Алтын"));
        assertThat(in(Language.KK).text(gold)).isEqualTo("Алтын");
        assertThat(in(Language.EN).text(gold)).isEqualTo("Золото");
    }

    @Test
    void pluralsAgreeWithTheNumberInsideListsToo() {
        Template template = TemplateRenderer.compile("{{#batches}}{{#plural}}{points, plural, one{# балл} "
                + "few{# балла} many{# баллов} other{# балла}}{{/plural}};{{/batches}}");
        List<Map<String, Object>> batches = List.of(Map.of("points", 1L), Map.of("points", 3L), Map.of("points", 25L),
                Map.of("points", 21L));
        assertThat(TemplateRenderer.render(template, NoticeKind.POINTS_EXPIRING, Map.of("batches", batches),
                in(Language.RU))).isEqualTo("1 балл;3 балла;25 баллов;21 балл;");
    }

    @Test
    void aMissingFactFailsWithItsLine() {
        Template template = TemplateRenderer.compile("Hello\n{{nope}}");
        Assertions.assertThatThrownBy(() -> TemplateRenderer.render(template, NoticeKind.WELCOME, Map.of(),
                        in(Language.EN)))
                .isInstanceOfSatisfying(TemplateRenderer.TemplateException.class,
                        e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void aTemplateCannotReachJavaMethods() {
        Template template = TemplateRenderer.compile("{{#code}}{{length}}{{/code}}");
        Assertions.assertThatThrownBy(() -> TemplateRenderer.render(template, NoticeKind.LOGIN_CODE,
                Map.of("code", "482913"), in(Language.EN))).isInstanceOf(TemplateRenderer.TemplateException.class);
    }
}
