package io.kopilka.webhook.internal;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.shared.Ids;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import io.kopilka.webhook.Delivery;
import io.kopilka.webhook.RetrySchedule;
import io.kopilka.webhook.Subscription;
import io.kopilka.webhook.SubscriptionChange;
import io.kopilka.webhook.SubscriptionValidation;
import io.kopilka.webhook.WebhookSignature;
import io.kopilka.webhook.Webhooks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Subscriptions checked (their shape, then their host's addresses), stored and audited in one transaction. */
@Service
class WebhookService implements Webhooks {
    private final SubscriptionStore store;
    private final DeliveryStore deliveries;
    private final UrlGuard guard;
    private final AuditLog audit;
    private final Clock clock;

    WebhookService(SubscriptionStore store, DeliveryStore deliveries, UrlGuard guard, AuditLog audit, Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public WithSecret create(Caller caller, String url, List<String> events, String description) {
        SubscriptionValidation.check(url, events, description, true);
        guard.check(SubscriptionValidation.uri(url));
        Instant now = Now.of(clock);
        Subscription s = new Subscription(caller.tenant(), Ids.next(), url, events, description, "active", null,
                null, null, now, now);
        String secret = WebhookSignature.newSecret();
        store.insert(s, secret);
        audit.record(caller, Change.created("webhook", s.id().toString(), audited(s)));
        return new WithSecret(s, secret);
    }

    @Override
    public List<Subscription> page(TenantId tenant, UUID after, int limit) {
        return store.page(tenant, after, limit);
    }

    @Override
    public Subscription get(TenantId tenant, String id) {
        return find(tenant, id, false);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Subscription update(Caller caller, String id, SubscriptionChange change) {
        SubscriptionValidation.check(change.url(), change.events(), change.description(), false);
        Subscription before = find(caller.tenant(), id, true);
        if (change.url() != null && !change.url().equals(before.url())) {
            guard.check(SubscriptionValidation.uri(change.url()));
        }
        Instant now = Now.of(clock);
        boolean enable = Boolean.TRUE.equals(change.enabled());
        boolean disable = Boolean.FALSE.equals(change.enabled());
        String status = enable ? "active" : disable ? "disabled" : before.status();
        String reason = enable ? null : disable ? "disabled by its owner" : before.disabledReason();
        Instant failingSince = enable ? null : before.failingSince();
        Subscription after = new Subscription(before.tenant(), before.id(),
                change.url() == null ? before.url() : change.url(),
                change.events() == null ? before.events() : change.events(),
                change.description() == null ? before.description() : change.description(), status, reason,
                failingSince, before.previousSecretUntil(), before.createdAt(), now);
        store.update(after);
        audit.record(caller, Change.updated("webhook", id, audited(before), audited(after)));
        return after;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(Caller caller, String id) {
        Subscription before = find(caller.tenant(), id, true);
        store.delete(caller.tenant(), before.id());
        audit.record(caller, new Change("webhook.deleted", "webhook", id, audited(before), null, null));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public WithSecret rotateSecret(Caller caller, String id) {
        Subscription before = find(caller.tenant(), id, true);
        Instant now = Now.of(clock);
        String secret = WebhookSignature.newSecret();
        Instant until = now.plus(RetrySchedule.WINDOW);
        store.rotate(caller.tenant(), before.id(), secret, until, now);
        audit.record(caller, new Change("webhook.secret_rotated", "webhook", id, null,
                Map.of("previousSecretExpiresAt", until.toString()), null));
        return new WithSecret(find(caller.tenant(), id, false), secret);
    }

    @Override
    public List<Delivery> deliveries(TenantId tenant, String subscriptionId, UUID before, int limit) {
        Subscription s = find(tenant, subscriptionId, false);
        return deliveries.page(tenant, s.id(), before, limit);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Delivery retry(Caller caller, String subscriptionId, String deliveryId) {
        Subscription s = find(caller.tenant(), subscriptionId, false);
        UUID id = Ids.parse(deliveryId).orElseThrow(() -> ApiProblem.notFound("Delivery"));
        return deliveries.requeue(caller.tenant(), s.id(), id, Now.of(clock))
                .orElseThrow(() -> ApiProblem.notFound("Delivery"));
    }

    private Subscription find(TenantId tenant, String id, boolean lock) {
        return Ids.parse(id).flatMap(u -> store.find(tenant, u, lock))
                .orElseThrow(() -> ApiProblem.notFound("Webhook"));
    }

    /** What the audit log keeps of a subscription: never its secret. */
    private static Map<String, Object> audited(Subscription s) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("url", s.url());
        m.put("events", s.events());
        if (s.description() != null) {
            m.put("description", s.description());
        }
        m.put("status", s.status());
        return m;
    }
}
