package io.kopilka.purchase.internal;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: purchases that arrive together are written together. Each request puts its priced-to-be
 * purchase in a queue and waits; a few writers each take what is waiting (up to {@code max-size}
 * purchases of one tenant, each member and externalId once) and record it in one transaction, with
 * a few set-based statements and one WAL flush for all ({@link PurchaseRecorder#recordAll}); every
 * request is answered after that commit. Nobody waits for a batch to fill: a writer takes what is
 * there when it is free, so under little load a batch is one purchase and costs no latency, and
 * under much load the batches grow by themselves (TigerBeetle's batching, and PostgreSQL's own
 * group commit, work the same way).
 *
 * <p>A purchase of a member already in the batch waits for the next one: two purchases of one member
 * are never priced from the same account, each is priced under the lock and sees the one before.
 * (Two of them sent at once by two tills may be taken by two writers and apply in either order,
 * as they may without batching.) A batch that fails as a
 * whole (a participant refusing a purchase after its points were planned, a deadlock on a rule's
 * budget with another batch, an externalId written meanwhile) rolls back, and its purchases are
 * recorded one by one, each with its own answer (a deadlock's victim alone is tried again): a
 * purchase is never lost or written twice.
 */
@Component
class PurchaseBatcher implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PurchaseBatcher.class);
    private static final int DEADLOCK_ATTEMPTS = 3;

    private final PurchaseRecorder recorder;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int writers;
    private final int maxSize;
    private final LinkedBlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private final DistributionSummary sizes;
    private final Counter rollbacks;
    private volatile boolean running;

    PurchaseBatcher(PurchaseRecorder recorder, TransactionTemplate tx, Clock clock, MeterRegistry meters,
                    @Value("${kopilka.purchases.batch.writers:4}") int writers,
                    @Value("${kopilka.purchases.batch.max-size:64}") int maxSize) {
        if (writers < 1 || maxSize < 1) {
            throw new IllegalArgumentException("kopilka.purchases.batch.writers and max-size must be at least 1");
        }
        this.recorder = recorder;
        this.tx = tx;
        this.clock = clock;
        this.writers = writers;
        this.maxSize = maxSize;
        this.sizes = DistributionSummary.builder("kopilka.purchases.batch.size")
                .description("Purchases written together in one transaction").register(meters);
        this.rollbacks = Counter.builder("kopilka.purchases.batch.rollbacks")
                .description("Batches rolled back as a whole and recorded one by one").register(meters);
    }

    private record Pending(TenantId tenant, PurchaseRecorder.Attempt attempt,
                           CompletableFuture<PurchaseRecorder.Result> answer) {
        MemberId member() {
            return attempt.context().memberId();
        }

        String externalId() {
            return attempt.context().order().externalId();
        }
    }

    /**
     * Records the purchase with whatever else is waiting, and answers after the commit; blocks the
     * request's thread until then.
     *
     * @throws RuntimeException what recording it alone threw (a participant's refusal, {@link
     *                          PurchaseRecorder.AlreadyRecorded})
     */
    PurchaseRecorder.Result record(PurchaseRecorder.Attempt attempt) {
        if (!running) {
            return alone(attempt);
        }
        Pending pending = new Pending(attempt.context().tenant().id(), attempt, new CompletableFuture<>());
        queue.add(pending);
        if (!running && queue.remove(pending)) {
            // Stopped meanwhile, and no writer took it: nobody will.
            return alone(attempt);
        }
        try {
            return pending.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * One purchase in a transaction of its own. Chosen as a deadlock's victim (a batch holding a
     * rule's budget row, a referrer's account), it is tried again: nothing of it was written.
     */
    private PurchaseRecorder.Result alone(PurchaseRecorder.Attempt attempt) {
        for (int attemptNo = 1; ; attemptNo++) {
            try {
                return tx.execute(s -> recorder.recordAll(attempt.context().tenant().id(), List.of(attempt),
                        Now.of(clock))).getFirst();
            } catch (PessimisticLockingFailureException deadlock) {
                if (attemptNo == DEADLOCK_ATTEMPTS) {
                    throw deadlock;
                }
            }
        }
    }

    private void write() {
        while (running || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first != null) {
                List<Pending> batch = batch(first);
                try {
                    write(batch);
                } catch (Throwable unexpected) {
                    log.error("The purchase writer failed on a batch of {}", batch.size(), unexpected);
                } finally {
                    // Whatever happened, no request waits for ever.
                    for (Pending p : batch) {
                        p.answer().completeExceptionally(new IllegalStateException("The purchase writer failed"));
                    }
                }
            }
        }
    }

    /** What waits now, up to the size: one tenant, each member and externalId once; the rest stays first in line. */
    private List<Pending> batch(Pending first) {
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        Set<MemberId> members = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
        if (first.member() != null) {
            members.add(first.member());
        }
        externalIds.add(first.externalId());
        List<Pending> later = new ArrayList<>();
        Pending next;
        while (batch.size() < maxSize && (next = queue.poll()) != null) {
            boolean fits = next.tenant().equals(first.tenant()) && !externalIds.contains(next.externalId())
                    && (next.member() == null || !members.contains(next.member()));
            if (fits) {
                batch.add(next);
                externalIds.add(next.externalId());
                if (next.member() != null) {
                    members.add(next.member());
                }
            } else {
                later.add(next);
            }
        }
        for (int i = later.size() - 1; i >= 0; i--) {
            queue.addFirst(later.get(i));
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        sizes.record(batch.size());
        if (batch.size() == 1) {
            answer(batch.getFirst());
            return;
        }
        TenantId tenant = batch.getFirst().tenant();
        List<PurchaseRecorder.Attempt> attempts = batch.stream().map(Pending::attempt).toList();
        List<PurchaseRecorder.Result> results;
        try {
            results = tx.execute(s -> recorder.recordAll(tenant, attempts, Now.of(clock)));
        } catch (RuntimeException failed) {
            rollbacks.increment();
            log.debug("A batch of {} purchases rolled back ({}); recording them one by one", batch.size(),
                    failed.toString());
            batch.forEach(this::answer);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(results.get(i));
        }
    }

    /** Records the purchase alone and answers with what became of it, or with what it threw. */
    private void answer(Pending p) {
        try {
            p.answer().complete(alone(p.attempt()));
        } catch (RuntimeException failed) {
            p.answer().completeExceptionally(failed);
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            Thread t = Thread.ofPlatform().name("purchase-writer-" + i).daemon().start(this::write);
            threads.add(t);
        }
    }

    /** Stops taking new purchases into batches and writes those waiting before it returns. */
    @Override
    public void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops after the web server's graceful shutdown has let the requests in flight finish (phase
     * {@code DEFAULT_PHASE - 1024}) and before the connection pool closes.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1536;
    }
}
