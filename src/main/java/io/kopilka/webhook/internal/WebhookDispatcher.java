package io.kopilka.webhook.internal;

import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.webhook.RetrySchedule;
import io.kopilka.webhook.WebhookSignature;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due: claims a small batch (a short transaction that leases the rows), sends each without a
 * transaction open, then records each attempt in a transaction of its own. A run twice at once, or on two
 * instances, sends nothing twice (the claim skips locked rows and leases what it takes).
 */
@Component
public class WebhookDispatcher {
    static final int BATCH = 20;
    /** Longer than one attempt can take (connect and answer timeouts), so a lease never runs out mid-attempt. */
    static final Duration LEASE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final WebhookSender sender;
    private final UrlGuard guard;
    private final TransactionTemplate tx;
    private final Clock clock;

    WebhookDispatcher(DeliveryStore deliveries, SubscriptionStore subscriptions, WebhookSender sender, UrlGuard guard,
                      TransactionTemplate tx, Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.guard = guard;
        this.tx = tx;
        this.clock = clock;
    }

    /** Every due delivery of every tenant, batch after batch; answers how many attempts were made. */
    public int deliverDue() {
        return deliver(null, null);
    }

    /** These deliveries, if still due (the kick after the commit that queued them). */
    int deliver(TenantId tenant, List<UUID> ids) {
        int attempts = 0;
        while (true) {
            Instant now = Now.of(clock);
            List<DeliveryStore.Due> batch = tx.execute(s -> deliveries.claim(tenant, ids, now, now.plus(LEASE), BATCH));
            if (batch == null || batch.isEmpty()) {
                return attempts;
            }
            for (DeliveryStore.Due due : batch) {
                attempt(due);
                attempts++;
            }
            if (ids != null) {
                return attempts;
            }
        }
    }

    private void attempt(DeliveryStore.Due due) {
        var target = subscriptions.target(due.tenant(), due.subscriptionId()).orElse(null);
        if (target == null) {
            return; // deleted meanwhile: its deliveries went with it
        }
        Instant now = Now.of(clock);
        URI url = URI.create(target.url());
        String refusal = guard.refusal(url);
        WebhookSender.Result result;
        if (refusal != null) {
            result = new WebhookSender.Result(null, UrlGuard.NOT_ALLOWED + ": " + refusal);
        } else {
            long timestamp = now.getEpochSecond();
            String signature = WebhookSignature.header(target.secrets(now), due.eventId(), timestamp, due.body());
            result = sender.send(url, due.eventId(), timestamp, signature, due.body());
        }
        Instant after = Now.of(clock);
        tx.executeWithoutResult(s -> record(due, result, after));
    }

    private void record(DeliveryStore.Due due, WebhookSender.Result result, Instant now) {
        if (result.delivered()) {
            deliveries.delivered(due, result.statusCode(), now);
            subscriptions.succeeded(due.tenant(), due.subscriptionId());
            return;
        }
        Instant next = RetrySchedule.next(due.attempts() + 1, due.firstAttemptAt(), now).orElse(null);
        deliveries.attemptFailed(due, result.statusCode(), result.error(), next, now);
        Instant failingSince = subscriptions.failed(due.tenant(), due.subscriptionId(), now);
        if (RetrySchedule.givesUp(failingSince, now)) {
            subscriptions.disable(due.tenant(), due.subscriptionId(), "deliveries failed without a success for 24 "
                    + "hours (since " + failingSince + "); the last: " + result.error(), now);
            log.info("Webhook subscription {} of tenant {} disabled after 24 hours of failures",
                    due.subscriptionId(), due.tenant().value());
        }
    }
}
