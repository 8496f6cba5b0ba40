package io.kopilka.notification.internal;

import io.kopilka.notification.Channel;
import io.kopilka.notification.NoticeKind;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Language;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Texts for the delivery tests while the real templates (branch h13-templates) are not on this branch:
 * only where no {@link MessageTemplates} bean is. What the delivery tests check (parts, headers, the link,
 * the language chosen) holds for any text.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StandInTemplates {

    @Bean
    @ConditionalOnMissingBean(MessageTemplates.class)
    MessageTemplates templatesForDeliveryTests() {
        return StandInTemplates::render;
    }

    static MessageTemplates.Rendered render(TenantId tenant, NoticeKind kind, Language language, Channel channel,
                                            Map<String, Object> facts) {
        String text = "[" + language.tag() + "] " + kind.code() + " from " + facts.get("business")
                + (facts.containsKey("unsubscribeUrl") ? "\nUnsubscribe: " + facts.get("unsubscribeUrl") : "");
        return channel == Channel.EMAIL
                ? new MessageTemplates.Rendered("[" + language.tag() + "] " + kind.code(), text,
                "<html><body><p>" + text + "</p></body></html>")
                : new MessageTemplates.Rendered(null, text, null);
    }
}
