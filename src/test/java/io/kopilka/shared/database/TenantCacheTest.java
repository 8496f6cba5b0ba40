package io.kopilka.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** The cache never keeps a value older than the last change it was told about. */
class TenantCacheTest {
    private static final TenantId TENANT = new TenantId(UUID.fromString("01a20000-0000-7000-8000-000000000001"));

    /** A feed the test drives by hand: what other instances would announce through PostgreSQL. */
    static final class Feed implements ChangeFeed {
        final List<Consumer<String>> listeners = new ArrayList<>();
        boolean live = true;
        boolean delivering = true;

        @Override
        public void publish(String payload) {
            if (delivering) {
                listeners.forEach(l -> l.accept(payload));
            }
        }

        @Override
        public void subscribe(Consumer<String> listener) {
            listeners.add(listener);
        }

        @Override
        public boolean live() {
            return live;
        }
    }

    @Test
    void servesFromMemoryUntilAChangeIsAnnounced() {
        Feed feed = new Feed();
        TenantCache<String> cache = new TenantCache<>("rules", feed);
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get(TENANT, t -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        assertThat(cache.get(TENANT, t -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        feed.publish("rules:" + TENANT.value());
        assertThat(cache.get(TENANT, t -> "v" + loads.incrementAndGet())).isEqualTo("v2");
        feed.publish("program:" + TENANT.value()); // another kind: not ours
        assertThat(cache.get(TENANT, t -> "v" + loads.incrementAndGet())).isEqualTo("v2");
    }

    @Test
    void aLoadOvertakenByAChangeIsNotKept() {
        Feed feed = new Feed();
        TenantCache<String> cache = new TenantCache<>("rules", feed);
        // The load reads the old rules; before it returns, another instance's change is announced.
        String stale = cache.get(TENANT, t -> {
            feed.publish("rules:" + TENANT.value());
            return "old";
        });
        assertThat(stale).isEqualTo("old"); // this caller may use what it read...
        assertThat(cache.get(TENANT, t -> "new")).isEqualTo("new"); // ...but the next one reads again
    }

    @Test
    void aLoadBetweenTheChangeAndItsCommitIsDroppedAtTheCommit() {
        // The announcement of a real feed arrives after the commit, later than the next request may.
        Feed slowFeed = new Feed();
        slowFeed.delivering = false;
        TenantCache<String> cache = new TenantCache<>("rules", slowFeed);
        cache.get(TENANT, t -> "old");
        TransactionSynchronizationManager.initSynchronization();
        try {
            cache.changed(TENANT);
            // Another thread reads while the change is not yet committed: it sees and keeps the old value.
            assertThat(cache.get(TENANT, t -> "old")).isEqualTo("old");
            assertThat(cache.get(TENANT, t -> "unread")).isEqualTo("old");
            TransactionSynchronizationUtils.triggerAfterCommit();
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(cache.get(TENANT, t -> "new")).isEqualTo("new");
    }

    @Test
    void aLostConnectionDropsEverythingAndNothingIsKeptWhileItIsDown() {
        Feed feed = new Feed();
        TenantCache<String> cache = new TenantCache<>("rules", feed);
        cache.get(TENANT, t -> "v1");
        feed.live = false;
        feed.publish(null);
        assertThat(cache.get(TENANT, t -> "v2")).isEqualTo("v2");
        assertThat(cache.get(TENANT, t -> "v3")).isEqualTo("v3"); // not cached while not live
        feed.live = true;
        assertThat(cache.get(TENANT, t -> "v4")).isEqualTo("v4");
        assertThat(cache.get(TENANT, t -> "v5")).isEqualTo("v4");
    }
}
