package io.kopilka.tenant.internal;

import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Store;
import io.kopilka.tenant.StoreCreated;
import io.kopilka.tenant.Stores;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcStores implements Stores {
    private final JdbcClient jdbc;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    JdbcStores(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Store create(Caller by, String code, String name) {
        TenantId tenant = by.tenant();
        if (code == null || !code.matches(Store.CODE_PATTERN)) {
            throw ApiProblem.invalid("code", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String cleanName = name == null || name.isBlank() ? code : name.strip();
        if (cleanName.length() > 200) {
            throw ApiProblem.invalid("name", "must be at most 200 characters");
        }
        Instant now = Now.of(clock);
        int inserted = jdbc.sql("""
                INSERT INTO store (tenant_id, code, name, created_at) VALUES (:tenant, :code, :name, :now)
                ON CONFLICT (tenant_id, code) DO NOTHING""")
                .param("tenant", tenant.value()).param("code", code).param("name", cleanName)
                .param("now", Timestamp.from(now)).update();
        if (inserted == 0) {
            throw ApiProblem.conflict("store_exists", "A store with code '" + code + "' already exists");
        }
        Store store = new Store(code, cleanName, now);
        events.publishEvent(new StoreCreated(by, store));
        return store;
    }

    @Override
    public List<Store> page(TenantId tenant, String afterCode, int limit) {
        // Keyset on the primary key (tenant_id, code): each page is one index range, however many stores.
        return jdbc.sql("""
                SELECT code, name, created_at FROM store
                WHERE tenant_id = :tenant AND (CAST(:after AS text) IS NULL OR code > :after)
                ORDER BY code LIMIT :limit""")
                .param("tenant", tenant.value()).param("after", afterCode).param("limit", limit)
                .query((rs, i) -> new Store(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    @Override
    public Optional<Store> byCode(TenantId tenant, String code) {
        // Stores are never deleted or renamed, so a store once found stays true: cache hits only.
        Store cached = known.get(new Key(tenant, code));
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Store> found = load(tenant, code);
        found.ifPresent(s -> known.put(new Key(tenant, code), s));
        return found;
    }

    private record Key(TenantId tenant, String code) {
    }

    private final java.util.Map<Key, Store> known = new java.util.concurrent.ConcurrentHashMap<>();

    private Optional<Store> load(TenantId tenant, String code) {
        return jdbc.sql("SELECT code, name, created_at FROM store WHERE tenant_id = :tenant AND code = :code")
                .param("tenant", tenant.value()).param("code", code)
                .query((rs, i) -> new Store(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }
}
