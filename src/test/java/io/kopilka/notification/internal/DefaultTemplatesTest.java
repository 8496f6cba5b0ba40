package io.kopilka.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.notification.Channel;
import io.kopilka.notification.KindFacts;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.SampleFacts;
import io.kopilka.notification.SmsSegments;
import io.kopilka.tenant.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultTemplatesTest {
    private static final Instant NOW = Instant.parse("2026-03-11T09:00:00Z");
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final Currency KZT = Currency.getInstance("KZT");

    @Test
    void everyDefaultRendersWithEveryFactAndWithTheOptionalOnesAbsent() {
        for (NoticeKind kind : NoticeKind.values()) {
            for (Language language : Language.values()) {
                for (Channel channel : DefaultTemplates.CHANNELS) {
                    Map<String, Object> all = SampleFacts.all(kind, KZT, NOW);
                    Map<String, Object> required = new HashMap<>(all);
                    required.keySet().removeIf(fact -> KindFacts.isOptional(kind, fact));
                    for (Map<String, Object> facts : java.util.List.of(all, required)) {
                        TemplateText text = DefaultTemplates.of(kind, language, channel);
                        String body = render(text.body(), kind, facts, language);
                        assertThat(body).as(DefaultTemplates.path(kind, language, channel))
                                .doesNotContain("{{", "}}", "false", "true").isNotBlank();
                        if (channel == Channel.SMS) {
                            SmsSegments segments = SmsSegments.of(body);
                            System.out.println("segments " + DefaultTemplates.path(kind, language, channel) + ": "
                                    + segments.segments() + " (" + segments.encoding().code() + ", "
                                    + segments.units() + ")");
                            assertThat(segments.segments()).as(body).isLessThanOrEqualTo(
                                    kind == NoticeKind.LOGIN_CODE ? 1 : 2);
                        }
                        if (channel == Channel.EMAIL) {
                            assertThat(render(text.subject(), kind, facts, language)).doesNotContain("{{", "\n")
                                    .isNotBlank();
                        }
                        System.out.println("== " + DefaultTemplates.path(kind, language, channel)
                                + (facts == all ? "" : " (required only)") + "\n"
                                + (channel == Channel.EMAIL ? "Subject: " + render(text.subject(), kind, facts,
                                language) + "\n" : "") + body);
                    }
                }
            }
        }
    }

    private static String render(String source, NoticeKind kind, Map<String, Object> facts, Language language) {
        return TemplateRenderer.render(TemplateRenderer.compile(source), kind, facts,
                new FactFormatter(language, ALMATY, NOW));
    }
}
