package io.kopilka.webhook;

import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Caller;
import java.util.List;
import java.util.UUID;

/** A tenant's webhook subscriptions and their deliveries. Writes are audited in their transaction. */
public interface Webhooks {

    /** A subscription and the secret it signs with, shown only here and on a rotation. */
    record WithSecret(Subscription subscription, String secret) {
    }

    WithSecret create(Caller caller, String url, List<String> events, String description);

    /** Up to {@code limit} subscriptions after {@code after} (null: from the first), oldest first. */
    List<Subscription> page(TenantId tenant, UUID after, int limit);

    /** 404 when the tenant has no such subscription. */
    Subscription get(TenantId tenant, String id);

    Subscription update(Caller caller, String id, SubscriptionChange change);

    void delete(Caller caller, String id);

    /** A new secret; the one before keeps signing beside it for 24 hours. */
    WithSecret rotateSecret(Caller caller, String id);

    /** The subscription's deliveries, newest first. */
    List<Delivery> deliveries(TenantId tenant, String subscriptionId, UUID before, int limit);

    /** Queues a delivery again now, whatever became of it, with a fresh 24 hours of attempts. */
    Delivery retry(Caller caller, String subscriptionId, String deliveryId);
}
