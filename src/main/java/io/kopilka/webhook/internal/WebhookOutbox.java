package io.kopilka.webhook.internal;

import io.kopilka.shared.Ids;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Tenants;
import io.kopilka.shared.Now;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues an event for the tenant's subscriptions that want it, in the cause's transaction: nothing at all
 * (not even a statement, the subscriptions being cached) when none does. The rows are written in a
 * savepoint, so a failure here is logged and never fails the cause. After the cause commits, the new
 * deliveries are sent at once on a virtual thread; the poll catches anything that kick misses.
 */
@Component
class WebhookOutbox implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final WebhookDispatcher dispatcher;
    private final Tenants tenants;
    private final JsonMapper json;
    private final TransactionTemplate savepoint;
    private final boolean kick;
    private final Clock clock;
    private final ExecutorService kicks = Executors.newVirtualThreadPerTaskExecutor();

    WebhookOutbox(SubscriptionStore subscriptions, DeliveryStore deliveries, WebhookDispatcher dispatcher,
                  Tenants tenants, JsonMapper json, PlatformTransactionManager transactions, Clock clock,
                  @Value("${kopilka.webhooks.deliver-after-commit:${kopilka.jobs.enabled:true}}") boolean kick) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.tenants = tenants;
        this.json = json;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.kick = kick;
        this.clock = clock;
    }

    /** The tenant's time zone, for the body's times. */
    ZoneId zone(TenantId tenant) {
        return tenants.get(tenant).timezone();
    }

    /** {@code data} is built only when some subscription wants {@code type}. */
    void publish(TenantId tenant, String type, Instant occurredAt, Supplier<Map<String, Object>> data) {
        List<UUID> wanting = subscriptions.wanting(tenant, type);
        if (wanting.isEmpty()) {
            return;
        }
        try {
            savepoint.executeWithoutResult(s -> queue(tenant, type, occurredAt, data.get(), wanting));
        } catch (RuntimeException e) {
            log.warn("Webhook {} of tenant {} not queued", type, tenant.value(), e);
        }
    }

    private void queue(TenantId tenant, String type, Instant occurredAt, Map<String, Object> data,
                       List<UUID> wanting) {
        String eventId = "msg_" + Ids.next().toString().replace("-", "");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", type);
        body.put("tenantId", tenant.value().toString());
        body.put("occurredAt", EventData.time(occurredAt, zone(tenant)));
        body.put("data", data);
        List<UUID> ids = wanting.stream().map(s -> Ids.next()).toList();
        deliveries.insert(tenant, ids, wanting, eventId, type, json.writeValueAsString(body), Now.of(clock));
        if (kick && TransactionSynchronizationManager.isSynchronizationActive()) {
            // A plain synchronization, not an event for a @TransactionalEventListener: Spring Modulith would
            // store a publication row for that in the cause's transaction, which is what this avoids.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    kicks.submit(() -> send(tenant, ids));
                }
            });
        }
    }

    private void send(TenantId tenant, List<UUID> ids) {
        try {
            dispatcher.deliver(tenant, ids);
        } catch (RuntimeException e) {
            log.warn("Webhook deliveries of tenant {} left to the poll", tenant.value(), e);
        }
    }

    @Override
    public void destroy() {
        kicks.shutdown();
    }
}
