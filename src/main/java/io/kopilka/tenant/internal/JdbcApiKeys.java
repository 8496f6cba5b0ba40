package io.kopilka.tenant.internal;

import io.kopilka.shared.Ids;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.ApiKey;
import io.kopilka.tenant.ApiKeyIssued;
import io.kopilka.tenant.ApiKeyRevoked;
import io.kopilka.tenant.ApiKeySecret;
import io.kopilka.tenant.ApiKeys;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Role;
import io.kopilka.tenant.Stores;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keys are looked up on every request, so a successful look-up is cached for a short while. A
 * revocation evicts the entry on this instance at once; other instances notice within {@link #TTL}.
 */
@Service
class JdbcApiKeys implements ApiKeys {
    static final Duration TTL = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Stores stores;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private final ApplicationEventPublisher events;

    JdbcApiKeys(JdbcClient jdbc, Stores stores, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.stores = stores;
        this.clock = clock;
    }

    private record Cached(Caller caller, Instant until) {
    }

    @Override
    @Transactional
    public Issued issue(Caller by, String name, Role role, String storeCode) {
        TenantId tenant = by.tenant();
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiProblem.invalid("name", "must be 1 to 200 characters");
        }
        if (storeCode != null && stores.byCode(tenant, storeCode).isEmpty()) {
            throw ApiProblem.invalid("storeCode", "no store with this code");
        }
        String secret = ApiKeySecret.newTenantKey(tenant);
        ApiKey key = new ApiKey(Ids.next(), name.strip(), role, storeCode, ApiKeySecret.displayHint(secret),
                Now.of(clock), null);
        jdbc.sql("""
                INSERT INTO api_key (tenant_id, id, name, role, store_code, key_hash, hint, created_at)
                VALUES (:tenant, :id, :name, :role, :store, :hash, :hint, :createdAt)""")
                .param("tenant", tenant.value()).param("id", key.id()).param("name", key.name())
                .param("role", role.code()).param("store", storeCode).param("hash", ApiKeySecret.hash(secret))
                .param("hint", key.hint()).param("createdAt", Timestamp.from(key.createdAt()))
                .update();
        events.publishEvent(new ApiKeyIssued(by, key));
        return new Issued(key, secret);
    }

    @Override
    public List<ApiKey> page(TenantId tenant, Instant afterCreatedAt, UUID afterId, int limit) {
        return jdbc.sql("""
                SELECT * FROM api_key
                WHERE tenant_id = :tenant
                  AND (CAST(:after AS timestamptz) IS NULL OR (created_at, id) > (:after, :afterId))
                ORDER BY created_at, id LIMIT :limit""")
                .param("tenant", tenant.value())
                .param("after", afterCreatedAt == null ? null : Timestamp.from(afterCreatedAt))
                .param("afterId", afterId == null ? new UUID(0, 0) : afterId).param("limit", limit)
                .query(JdbcApiKeys::map).list();
    }

    @Override
    public Optional<ApiKey> find(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT * FROM api_key WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).query(JdbcApiKeys::map).optional();
    }

    @Override
    @Transactional
    public void revoke(Caller by, UUID id) {
        TenantId tenant = by.tenant();
        // Locked, so that of two revocations at once only one finds the key live and tells of it.
        ApiKey key = jdbc.sql("SELECT * FROM api_key WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenant.value()).param("id", id)
                .query(JdbcApiKeys::map).optional().orElseThrow(() -> ApiProblem.notFound("API key"));
        if (key.revokedAt() == null) {
            jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE tenant_id = :tenant AND id = :id")
                    .param("now", Timestamp.from(Now.of(clock))).param("tenant", tenant.value()).param("id", id)
                    .update();
            events.publishEvent(new ApiKeyRevoked(by, key));
        }
        cache.values().removeIf(c -> c.caller().keyId().equals(id));
    }

    @Override
    public Optional<Caller> authenticate(String key) {
        Optional<TenantId> tenant = ApiKeySecret.tenantOf(key);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        String hash = ApiKeySecret.hash(key);
        Instant now = Now.of(clock);
        Cached cached = cache.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.caller());
        }
        Optional<Caller> caller = jdbc.sql("""
                SELECT id, role, store_code, name FROM api_key
                WHERE tenant_id = :tenant AND key_hash = :hash AND revoked_at IS NULL""")
                .param("tenant", tenant.get().value()).param("hash", hash)
                .query((rs, i) -> new Caller(tenant.get(), Role.fromCode(rs.getString("role")).orElseThrow(),
                        rs.getObject("id", UUID.class), rs.getString("store_code"), rs.getString("name")))
                .optional();
        caller.ifPresentOrElse(c -> cache.put(hash, new Cached(c, now.plus(TTL))), () -> cache.remove(hash));
        return caller;
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"),
                Role.fromCode(rs.getString("role")).orElseThrow(), rs.getString("store_code"), rs.getString("hint"),
                rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
