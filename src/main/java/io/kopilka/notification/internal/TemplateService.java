package io.kopilka.notification.internal;

import io.kopilka.ledger.Ledger;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.notification.Channel;
import io.kopilka.notification.MessageTemplate;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NotificationTemplates;
import io.kopilka.notification.SampleFacts;
import io.kopilka.notification.SmsSegments;
import io.kopilka.notification.TemplatePreview;
import io.kopilka.program.Programs;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Money;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tenants' own texts: checked ({@link TemplateCheck}) before they are stored, previewed as members get them. */
@Service
class TemplateService implements NotificationTemplates {
    private final TemplateStore store;
    private final MustacheMessageTemplates renderer;
    private final Tenants tenants;
    private final Members members;
    private final Ledger ledger;
    private final Programs programs;
    private final Links links;
    private final Clock clock;

    TemplateService(TemplateStore store, MustacheMessageTemplates renderer, Tenants tenants, Members members,
                    Ledger ledger, Programs programs, Links links, Clock clock) {
        this.store = store;
        this.renderer = renderer;
        this.tenants = tenants;
        this.members = members;
        this.ledger = ledger;
        this.programs = programs;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public List<MessageTemplate> list(TenantId tenant, @Nullable NoticeKind kind, @Nullable Language language,
                                      @Nullable Channel channel) {
        List<MessageTemplate> items = new ArrayList<>();
        for (NoticeKind k : NoticeKind.values()) {
            for (Language l : Language.values()) {
                for (Channel c : DefaultTemplates.CHANNELS) {
                    if ((kind == null || kind == k) && (language == null || language == l)
                            && (channel == null || channel == c)) {
                        items.add(current(tenant, k, l, c));
                    }
                }
            }
        }
        return items;
    }

    @Override
    @Transactional
    public MessageTemplate replace(TenantId tenant, NoticeKind kind, Language language, Channel channel,
                                   @Nullable String subject, @Nullable String body) {
        Tenant t = tenants.get(tenant);
        TemplateText text = TemplateCheck.check(kind, language, channel, subject, body, t.currency(), t.timezone(),
                Now.of(clock), true).text();
        store.save(tenant, kind, language, channel, text);
        // Built from what was written, not read back: a read here would cache a row not yet committed.
        return new MessageTemplate(kind, language, channel, text.subject(), text.body(), true);
    }

    @Override
    public MessageTemplate byDefault(NoticeKind kind, Language language, Channel channel) {
        TemplateText text = DefaultTemplates.of(kind, language, channel);
        return new MessageTemplate(kind, language, channel, text.subject(), text.body(), false);
    }

    @Override
    @Transactional
    public @Nullable MessageTemplate reset(TenantId tenant, NoticeKind kind, Language language, Channel channel) {
        MessageTemplate before = current(tenant, kind, language, channel);
        return store.delete(tenant, kind, language, channel) ? before : null;
    }

    @Override
    public TemplatePreview preview(TenantId tenant, NoticeKind kind, Language language, Channel channel,
                                   @Nullable MemberId member, @Nullable String subject, @Nullable String body) {
        Tenant t = tenants.get(tenant);
        Instant now = Now.of(clock);
        TemplateText stored = template(tenant, kind, language, channel);
        TemplateText text = stored;
        if (subject != null || body != null) {
            // A draft is checked as a save would check it, but a long SMS is shown rather than refused.
            text = TemplateCheck.check(kind, language, channel,
                    channel == Channel.EMAIL && subject == null ? stored.subject() : subject,
                    body == null ? stored.body() : body, t.currency(), t.timezone(), now, false).text();
        }
        Map<String, Object> facts = facts(t, kind, channel, member, now);
        MessageTemplates.Rendered rendered;
        try {
            rendered = renderer.render(t, kind, language, channel, facts, text);
        } catch (TemplateRenderer.TemplateException e) {
            // The member's own facts (a name, no referral code) can still differ from the samples'.
            throw TemplateCheck.invalid("body", e.getMessage(), e.line());
        }
        return new TemplatePreview(rendered.subject(), rendered.text(), rendered.html(),
                channel == Channel.EMAIL ? null : SmsSegments.of(rendered.text()));
    }

    /** The kind's samples in the tenant's name and wallet; the member's own facts when one is named. */
    private Map<String, Object> facts(Tenant tenant, NoticeKind kind, Channel channel, @Nullable MemberId id,
                                      Instant now) {
        Map<String, Object> facts = SampleFacts.all(kind, tenant.currency(), now);
        facts.put("business", tenant.name());
        facts.put("walletUrl", links.wallet(tenant));
        if (channel != Channel.EMAIL) {
            facts.remove("unsubscribeUrl");
        }
        long balance = SampleFacts.BALANCE;
        if (id != null) {
            Member member = members.byId(tenant.id(), id).orElseThrow(() -> ApiProblem.notFound("Member"));
            putOrRemove(facts, "name", member.name() == null || member.name().isBlank() ? null : member.name());
            if (kind == NoticeKind.WELCOME) {
                if (member.cardNumber() != null) {
                    facts.put("cardNumber", member.cardNumber());
                }
                putOrRemove(facts, "referralCode", member.referralCode());
            }
            balance = ledger.peek(tenant.id(), member.id(), now).available();
        }
        facts.put("balance", balance);
        facts.put("balanceValue", Money.floor(programs.of(tenant.id()).pointValue()
                .multiply(BigDecimal.valueOf(balance)), tenant.currency()));
        return facts;
    }

    private static void putOrRemove(Map<String, Object> facts, String name, @Nullable Object value) {
        if (value == null) {
            facts.remove(name);
        } else {
            facts.put(name, value);
        }
    }

    private MessageTemplate current(TenantId tenant, NoticeKind kind, Language language, Channel channel) {
        var own = store.find(tenant, kind, language, channel);
        TemplateText text = own.orElseGet(() -> DefaultTemplates.of(kind, language, channel));
        return new MessageTemplate(kind, language, channel, text.subject(), text.body(), own.isPresent());
    }

    private TemplateText template(TenantId tenant, NoticeKind kind, Language language, Channel channel) {
        return store.find(tenant, kind, language, channel).orElseGet(() -> DefaultTemplates.of(kind, language, channel));
    }
}
