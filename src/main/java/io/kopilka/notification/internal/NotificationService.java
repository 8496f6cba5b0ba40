package io.kopilka.notification.internal;

import io.kopilka.ledger.Ledger;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.notification.Channel;
import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NoticeMessage;
import io.kopilka.notification.NoticeStatus;
import io.kopilka.notification.NotificationPolicy;
import io.kopilka.notification.NotificationSettings;
import io.kopilka.notification.Notifications;
import io.kopilka.notification.UnsubscribeTokens;
import io.kopilka.program.Programs;
import io.kopilka.shared.Ids;
import io.kopilka.shared.Money;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a notice into one logged message: decided by {@link NotificationPolicy}, rendered in the member's
 * language, written to the {@code notification} table, which the dispatcher sends from once this commits.
 */
@Service
class NotificationService implements Notifications {
    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationLog messages;
    private final SettingsStore settings;
    private final MessageTemplates templates;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Members members;
    private final Tenants tenants;
    private final Programs programs;
    private final Ledger ledger;
    private final Links links;
    private final ApplicationEventPublisher events;

    NotificationService(NotificationLog messages, SettingsStore settings, MessageTemplates templates,
                        List<ChannelSender> senders, Members members, Tenants tenants, Programs programs, Ledger ledger,
                        Links links, ApplicationEventPublisher events) {
        this.messages = messages;
        this.settings = settings;
        this.templates = templates;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.members = members;
        this.tenants = tenants;
        this.programs = programs;
        this.ledger = ledger;
        this.links = links;
        this.events = events;
    }

    @Override
    public NotificationSettings settings(TenantId tenant) {
        return settings.of(tenant);
    }

    @Override
    @Transactional
    public NotificationSettings replaceSettings(TenantId tenant, NotificationSettings replacement) {
        return settings.save(tenant, replacement);
    }

    @Override
    @Transactional
    public NoticeMessage notify(Notice notice) {
        Optional<NoticeMessage> seen = messages.byKey(notice.tenant(), notice.member(), notice.kind(), notice.occasion());
        if (seen.isPresent()) {
            return seen.get();
        }
        Tenant tenant = tenants.get(notice.tenant());
        NotificationSettings s = settings.of(notice.tenant());
        // A marketing message counts the member's others first: the member's row lock makes two at once
        // count one after the other, so the weekly limit holds under concurrency.
        Member member = notice.kind().marketing() ? members.lock(notice.tenant(), notice.member())
                : members.byId(notice.tenant(), notice.member()).orElseThrow();
        long thisWeek = notice.kind().marketing() ? messages.marketingSince(notice.tenant(), notice.member(),
                notice.at().minus(Duration.ofDays(NotificationPolicy.CAP_DAYS))) : 0;
        var decision = NotificationPolicy.decide(s, notice.kind(), member.erased(),
                Boolean.TRUE.equals(member.consents().get("marketing")), thisWeek, routes(tenant, s, member),
                notice.at(), tenant.timezone());

        var id = Ids.next();
        String token = decision.channel() == Channel.EMAIL ? UnsubscribeTokens.next(notice.tenant()) : null;
        NoticeStatus status = decision.status();
        String reason = decision.reason();
        MessageTemplates.Rendered text = null;
        if (!member.erased()) {
            try {
                text = templates.render(notice.tenant(), notice.kind(), member.locale(),
                        decision.channel() == null ? Channel.EMAIL : decision.channel(),
                        facts(tenant, member, notice, token));
            } catch (RuntimeException broken) {
                // A template that cannot be rendered is a bug to fix, not a message to send with a hole in it.
                log.error("The {} message of tenant {} could not be rendered", notice.kind().code(), tenant.id(), broken);
                status = status == NoticeStatus.QUEUED ? NoticeStatus.FAILED : status;
                reason = status == NoticeStatus.FAILED ? "template_failed" : reason;
            }
        }
        var message = new NotificationLog.NewMessage(id, notice.tenant(), notice.member(), notice.kind(),
                notice.occasion(), decision.channel(), decision.to(), status, reason, member.locale(),
                text == null ? null : text.subject(), text == null ? null : text.text(),
                text == null ? null : text.html(), token, notice.at(), decision.scheduledFor());
        if (!messages.insert(message)) {
            // Another delivery of the same notice wrote it in the meantime.
            return messages.byKey(notice.tenant(), notice.member(), notice.kind(), notice.occasion()).orElseThrow();
        }
        if (status == NoticeStatus.QUEUED) {
            events.publishEvent(new MessageQueued(notice.tenant(), id));
        }
        // What was just written, as a read would give it back (times at the database's microseconds).
        return new NoticeMessage(id, notice.tenant(), notice.member(), notice.kind(), notice.occasion(),
                decision.channel(), decision.to(), status, reason, member.locale(), message.subject(), message.body(),
                message.createdAt().truncatedTo(ChronoUnit.MICROS),
                message.scheduledFor().truncatedTo(ChronoUnit.MICROS), null, 0);
    }

    private List<NotificationPolicy.Route> routes(Tenant tenant, NotificationSettings s, Member member) {
        List<NotificationPolicy.Route> routes = new ArrayList<>();
        for (Channel channel : s.channelOrder()) {
            ChannelSender sender = senders.get(channel);
            boolean consented = Boolean.TRUE.equals(member.consents().get(channel.code()));
            if (sender == null) {
                routes.add(new NotificationPolicy.Route(channel, channel.code() + "_not_configured", consented, null));
                continue;
            }
            routes.add(new NotificationPolicy.Route(channel, sender.unavailableFor(tenant.id()).orElse(null), consented,
                    member.erased() ? null : sender.addressOf(tenant.id(), member).orElse(null)));
        }
        return routes;
    }

    /** The notice's facts and those every message may use (docs/notifications.md, "Templates"). */
    private Map<String, Object> facts(Tenant tenant, Member member, Notice notice, String token) {
        Map<String, Object> facts = new HashMap<>(notice.facts());
        if (member.name() != null && !member.name().isBlank()) {
            facts.put("name", member.name());
        }
        facts.put("business", tenant.name());
        facts.put("walletUrl", links.wallet(tenant));
        long balance = ledger.peek(tenant.id(), member.id(), notice.at()).available();
        facts.put("balance", balance);
        facts.put("balanceValue", Money.floor(programs.of(tenant.id()).pointValue()
                .multiply(BigDecimal.valueOf(balance)), tenant.currency()));
        if (token != null) {
            facts.put("unsubscribeUrl", links.unsubscribe(token));
        }
        return facts;
    }
}
