package io.kopilka.notification.internal;

import io.kopilka.notification.Channel;
import io.kopilka.notification.DeliveryBackOff;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the queued messages: each at once after the transaction that queued it commits, and the rest
 * (after quiet hours, the next attempt, what a crash or a stop left) from the poll every few seconds.
 * Sending happens outside any transaction: a slow SMTP server holds no row lock and no connection.
 */
@Component
public class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** How long a claimed message is left to its sender before another claim may try it. */
    static final Duration LEASE = Duration.ofMinutes(2);
    static final int BATCH = 50;

    private final Outbox outbox;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final Links links;
    private final Clock clock;
    private final boolean sendOnCommit;

    Dispatcher(Outbox outbox, List<ChannelSender> senders, Links links, Clock clock,
               @Value("${kopilka.notifications.send-on-commit:true}") boolean sendOnCommit) {
        this.outbox = outbox;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.links = links;
        this.clock = clock;
        this.sendOnCommit = sendOnCommit;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(MessageQueued queued) {
        if (sendOnCommit) {
            // Not on the committing thread: the member's request (or the listener) does not wait for SMTP.
            Thread.ofVirtual().name("notification-" + queued.id()).start(() -> dispatch(queued.tenant(), queued.id()));
        }
    }

    /** Sends one message if it is queued and due; what the kick after commit does. */
    void dispatch(TenantId tenant, UUID id) {
        Instant now = Now.of(clock);
        outbox.claim(tenant, id, now, now.plus(LEASE)).forEach(this::send);
    }

    /**
     * Sends every message that is due now, across tenants, batch by batch; returns how many it tried. The poll
     * calls it, and so do tests (jobs do not run in them).
     */
    public int dispatchDue() {
        int tried = 0;
        List<Outbox.Claimed> batch;
        do {
            Instant now = Now.of(clock);
            batch = outbox.claimDue(now, now.plus(LEASE), BATCH);
            try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
                batch.forEach(message -> each.submit(() -> send(message)));
            }
            tried += batch.size();
        } while (batch.size() == BATCH);
        return tried;
    }

    private void send(Outbox.Claimed message) {
        ChannelSender sender = senders.get(message.channel());
        try {
            if (sender == null) {
                throw new DeliveryFailure(message.channel().code() + "_not_configured", false,
                        "No sender for " + message.channel().code(), null);
            }
            sender.send(new OutgoingMessage(message.tenant(), message.id(), message.to(), message.subject(),
                    message.body(), message.html(),
                    message.unsubscribeToken() == null ? null : links.unsubscribe(message.unsubscribeToken())));
            outbox.sent(message, Now.of(clock), sender instanceof EmailSender email && email.toMailbox() ? "mailbox" : null);
        } catch (DeliveryFailure failure) {
            failed(message, failure.reason(), failure.retryable(), failure);
        } catch (RuntimeException bug) {
            failed(message, "send_error", true, bug);
        }
    }

    private void failed(Outbox.Claimed message, String reason, boolean retryable, Exception why) {
        Instant now = Now.of(clock);
        Optional<Duration> wait = retryable ? DeliveryBackOff.after(message.attempts()) : Optional.empty();
        if (wait.isPresent()) {
            log.info("Message {} of tenant {} not sent ({}), attempt {}: {}", message.id(), message.tenant(), reason,
                    message.attempts(), why.getMessage());
            outbox.retry(message, now, now.plus(wait.get()), reason);
        } else {
            log.warn("Message {} of tenant {} failed ({}) after {} attempts", message.id(), message.tenant(), reason,
                    message.attempts(), why);
            outbox.failed(message, now, reason);
        }
    }
}
