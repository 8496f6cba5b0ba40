package io.kopilka.notification.internal;

import com.samskivert.mustache.Template;
import io.kopilka.notification.Channel;
import io.kopilka.notification.NoticeKind;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The texts of messages with jmustache: logic-less, so a tenant's own template can print facts and never
 * run code (unlike an expression language). Templates are compiled once per text and kept.
 */
@Component
class MustacheMessageTemplates implements MessageTemplates {
    private final Tenants tenants;
    private final Clock clock;
    private final EmailLayout layout;
    private final TemplateStore own;
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    MustacheMessageTemplates(Tenants tenants, Clock clock, EmailLayout layout, TemplateStore own) {
        this.tenants = tenants;
        this.clock = clock;
        this.layout = layout;
        this.own = own;
    }

    @Override
    public Rendered render(TenantId tenant, NoticeKind kind, Language language, Channel channel,
                           Map<String, Object> facts) {
        return render(tenants.get(tenant), kind, language, channel, facts, template(tenant, kind, language, channel));
    }

    /** Renders {@code text} (a tenant's own, a default, or a draft being previewed) for one reader. */
    Rendered render(Tenant tenant, NoticeKind kind, Language language, Channel channel, Map<String, Object> facts,
                    TemplateText text) {
        FactFormatter formatter = new FactFormatter(language, tenant.timezone(), Now.of(clock));
        String body = TemplateRenderer.render(compiled(text.body()), kind, facts, formatter);
        if (TemplateText.templateChannel(channel) != Channel.EMAIL) {
            return new Rendered(null, body, null);
        }
        String subject = TemplateRenderer.render(compiled(text.subject()), kind, facts, formatter)
                .replaceAll("\\s+", " ");
        String business = String.valueOf(facts.getOrDefault("business", tenant.name()));
        String unsubscribeUrl = facts.get("unsubscribeUrl") instanceof String url ? url : null;
        String walletUrl = facts.get("walletUrl") instanceof String url ? url : null;
        String html = layout.html(language, subject, body, business, walletUrl, unsubscribeUrl);
        return new Rendered(subject, body + "\n\n" + EmailLayout.textFooter(language, business, unsubscribeUrl), html);
    }

    /** The tenant's template of a kind, language and channel: its own, else the default. */
    TemplateText template(TenantId tenant, NoticeKind kind, Language language, Channel channel) {
        return own.find(tenant, kind, language, channel).orElseGet(() -> DefaultTemplates.of(kind, language, channel));
    }

    private Template compiled(String source) {
        Template template = compiled.get(source);
        if (template == null) {
            template = TemplateRenderer.compile(source);
            // Tenants' texts come and go: keep a bounded number of them rather than every draft ever seen.
            if (compiled.size() < 10_000) {
                compiled.put(source, template);
            }
        }
        return template;
    }
}
