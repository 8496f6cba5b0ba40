package io.kopilka.shared.database;

import io.kopilka.shared.TenantId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A per-tenant cache of configuration, dropped on every instance by a {@link ChangeFeed}
 * ({@link ChangeNotifications} in the application).
 *
 * <p>A load that started before a change committed must not store the old value after the change's
 * notification already dropped the entry: each tenant's entry carries a generation that every
 * drop raises, and a load stores its value only if the generation it started from is still current.
 * While notifications are not flowing nothing is stored, so nothing can go stale.
 */
public final class TenantCache<T> {
    private final String prefix;
    private final ChangeFeed changes;
    private final Map<TenantId, T> values = new ConcurrentHashMap<>();
    private final Map<TenantId, AtomicLong> generations = new ConcurrentHashMap<>();
    private final AtomicLong everything = new AtomicLong();

    /** @param kind the payload prefix this cache answers to, e.g. "rules" for "rules:&lt;tenant&gt;" */
    public TenantCache(String kind, ChangeFeed changes) {
        this.prefix = kind + ":";
        this.changes = changes;
        changes.subscribe(payload -> {
            if (payload == null) {
                everything.incrementAndGet();
                values.clear();
            } else if (payload.startsWith(prefix)) {
                drop(new TenantId(UUID.fromString(payload.substring(prefix.length()))));
            }
        });
    }

    public T get(TenantId tenant, Function<TenantId, T> loader) {
        T cached = values.get(tenant);
        if (cached != null) {
            return cached;
        }
        long all = everything.get();
        long mine = generation(tenant).get();
        T loaded = loader.apply(tenant);
        if (changes.live()) {
            values.put(tenant, loaded);
            // Dropped while we were loading: what we stored may be older than the change.
            if (everything.get() != all || generation(tenant).get() != mine) {
                values.remove(tenant, loaded);
            }
        }
        return loaded;
    }

    /**
     * Drops the tenant's entry here, and, in the caller's transaction, announces the change to all.
     *
     * <p>Here it is dropped once more after the commit: between this call and the commit another
     * thread may load the old, still committed value and keep it, and the announcement reaches this
     * instance's listener only some time after the commit, later than the caller's next request may
     * come. Without the second drop a till could price with the program it has just replaced.
     */
    public void changed(TenantId tenant) {
        drop(tenant);
        changes.publish(prefix + tenant.value());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    drop(tenant);
                }
            });
        }
    }

    private void drop(TenantId tenant) {
        generation(tenant).incrementAndGet();
        values.remove(tenant);
    }

    private AtomicLong generation(TenantId tenant) {
        return generations.computeIfAbsent(tenant, t -> new AtomicLong());
    }
}
