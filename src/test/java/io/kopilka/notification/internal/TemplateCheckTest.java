package io.kopilka.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kopilka.notification.Channel;
import io.kopilka.notification.NoticeKind;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TemplateCheckTest {
    private static final Instant NOW = Instant.parse("2026-03-11T09:00:00Z");
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final Currency KZT = Currency.getInstance("KZT");

    private static TemplateCheck.Checked check(NoticeKind kind, Channel channel, @Nullable String subject,
                                               @Nullable String body) {
        return TemplateCheck.check(kind, Language.RU, channel, subject, body, KZT, ALMATY, NOW, true);
    }

    private static ApiProblem refusal(NoticeKind kind, Channel channel, @Nullable String subject, @Nullable String body) {
        try {
            check(kind, channel, subject, body);
        } catch (ApiProblem p) {
            return p;
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void everyDefaultPassesSoAnOwnerMaySaveWhatTheyWereShown() {
        for (NoticeKind kind : NoticeKind.values()) {
            for (Language language : Language.values()) {
                for (Channel channel : DefaultTemplates.CHANNELS) {
                    TemplateText text = DefaultTemplates.of(kind, language, channel);
                    assertThat(TemplateCheck.check(kind, language, channel, text.subject(), text.body(), KZT, ALMATY,
                            NOW, true).text()).isEqualTo(text);
                }
            }
        }
    }

    @Test
    void aTextWithOptionalFactsInTheirSectionsIsStoredWithoutTrailingSpace() {
        var checked = check(NoticeKind.WELCOME, Channel.SMS, null,
                "{{business}}: {{#welcomePoints}}+{{welcomePoints}} {{/welcomePoints}}{{cardNumber}}\r\n  ");
        assertThat(checked.text()).isEqualTo(new TemplateText(null, "{{business}}: {{#welcomePoints}}+{{welcomePoints}} "
                + "{{/welcomePoints}}{{cardNumber}}"));
        assertThat(checked.segments()).isEqualTo(1);
    }

    @Test
    void theWorkedExampleOfTheDocsRendersAsTheDocsSay() {
        String body = "{{business}}: {{#plural}}{total, plural, one{# балл сгорит} few{# балла сгорят} "
                + "many{# баллов сгорят} other{# балла сгорят}}{{/plural}} {{firstExpiresAt}}. Запишитесь: {{walletUrl}}";
        TemplateText text = check(NoticeKind.POINTS_EXPIRING, Channel.SMS, null, body).text();
        assertThat(TemplateRenderer.render(TemplateRenderer.compile(text.body()), NoticeKind.POINTS_EXPIRING,
                io.kopilka.notification.SampleFacts.all(NoticeKind.POINTS_EXPIRING, KZT, NOW),
                new FactFormatter(Language.RU, ALMATY, NOW)))
                .isEqualTo("Кофейня «Зерно»: 200 баллов сгорят 14 марта. Запишитесь: https://kopilka.kz/w/zerno");
    }

    @Test
    void anUnclosedSectionNamesItsLine() {
        ApiProblem p = refusal(NoticeKind.WELCOME, Channel.SMS, null, "Hello\n{{#welcomePoints}}+{{welcomePoints}}");
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.code()).isEqualTo("template_invalid");
        assertThat(p.errors()).extracting(ApiProblem.FieldError::field).containsExactly("body");
        assertThat(p.getMessage()).startsWith("body");
    }

    @Test
    void anUnknownFactIsRefusedWithItsLine() {
        ApiProblem p = refusal(NoticeKind.WELCOME, Channel.EMAIL, "Hi{{#name}} {{name}}{{/name}}", "Line one\nYour {{bonus}} points");
        assertThat(p.code()).isEqualTo("template_invalid");
        assertThat(p.properties()).containsEntry("line", 2);
        assertThat(p.getMessage()).contains("bonus");
    }

    @Test
    void anOptionalFactOutsideItsSectionWouldPrintFalseAndIsRefused() {
        ApiProblem p = refusal(NoticeKind.WELCOME, Channel.SMS, null, "{{cardNumber}}\n+{{welcomePoints}}");
        assertThat(p.code()).isEqualTo("template_invalid");
        assertThat(p.properties()).containsEntry("line", 2);
        assertThat(p.getMessage()).contains("{{#welcomePoints}}");
        assertThat(refusal(NoticeKind.WELCOME, Channel.EMAIL, "Hi {{name}}", "{{cardNumber}}").errors())
                .extracting(ApiProblem.FieldError::field).containsExactly("subject");
        // Facts that come together (a coupon's code, name and date) may share one section.
        assertThat(check(NoticeKind.BIRTHDAY, Channel.SMS, null,
                "{{#couponCode}}{{rewardName}}: {{couponCode}}{{/couponCode}}").text()).isNotNull();
    }

    @Test
    void aPluralOverAnAbsentFactIsRefused() {
        assertThat(refusal(NoticeKind.WELCOME, Channel.SMS, null,
                "{{#plural}}{welcomePoints, plural, one{# балл} other{# баллов}}{{/plural}}").code())
                .isEqualTo("template_invalid");
        assertThat(refusal(NoticeKind.WELCOME, Channel.SMS, null, "{{#plural}}{points, plural, one{x}{{/plural}}")
                .code()).isEqualTo("template_invalid");
    }

    @Test
    void delimitersAndPartialsAreRefused() {
        assertThat(refusal(NoticeKind.LOGIN_CODE, Channel.SMS, null, "{{=<% %>=}}<%code%>").code())
                .isEqualTo("template_invalid");
        assertThat(refusal(NoticeKind.LOGIN_CODE, Channel.SMS, null, "{{> other}}").code())
                .isEqualTo("template_invalid");
    }

    @Test
    void subjectsAreForEmailOnlyAndSizesAreBounded() {
        assertThat(refusal(NoticeKind.LOGIN_CODE, Channel.SMS, "Code", "{{code}}").errors())
                .extracting(ApiProblem.FieldError::field).containsExactly("subject");
        ApiProblem p = refusal(NoticeKind.LOGIN_CODE, Channel.EMAIL, " ", "x".repeat(10_001));
        assertThat(p.code()).isEqualTo("validation_failed");
        assertThat(p.errors()).extracting(ApiProblem.FieldError::field).containsExactlyInAnyOrder("subject", "body");
        assertThat(refusal(NoticeKind.LOGIN_CODE, Channel.EMAIL, "s".repeat(201), "{{code}}").errors())
                .extracting(ApiProblem.FieldError::field).containsExactly("subject");
        assertThat(refusal(NoticeKind.LOGIN_CODE, Channel.SMS, null, null).errors())
                .extracting(ApiProblem.FieldError::field).containsExactly("body");
        assertThat(check(NoticeKind.LOGIN_CODE, Channel.EMAIL, "s".repeat(200), "x".repeat(10_000)).text().body())
                .hasSize(10_000);
    }

    @Test
    void anSmsOverSixPartsIsRefusedButMayBePreviewed() {
        String body = "Ваш код {{code}}. " + "Очень длинный текст. ".repeat(20);
        ApiProblem p = refusal(NoticeKind.LOGIN_CODE, Channel.SMS, null, body);
        assertThat(p.code()).isEqualTo("template_too_long");
        assertThat(p.properties()).containsEntry("segments", 7);
        assertThat(TemplateCheck.check(NoticeKind.LOGIN_CODE, Language.RU, Channel.SMS, null, body, KZT, ALMATY, NOW,
                false).segments()).isEqualTo(7);
        assertThatThrownBy(() -> check(NoticeKind.LOGIN_CODE, Channel.SMS, null, "{{code}} ".repeat(200)))
                .isInstanceOf(ApiProblem.class);
    }
}
