package io.kopilka.webhook.internal;

import io.kopilka.shared.TenantId;
import io.kopilka.shared.database.ChangeNotifications;
import io.kopilka.shared.database.TenantCache;
import io.kopilka.webhook.EventTypes;
import io.kopilka.webhook.Subscription;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The subscriptions' table, and a cache per tenant of its active ones: what the event listeners read on
 * every purchase, so that a tenant without webhooks costs no statement. Every write drops the tenant's
 * entry on all instances, in its transaction.
 */
@Component
class SubscriptionStore {
    /** An active subscription as the listeners need it. */
    record Active(UUID id, List<String> events) {
    }

    /** What the dispatcher needs to sign and send. */
    record Target(UUID id, String url, String secret, String previousSecret, Instant previousSecretUntil,
                  boolean active, Instant failingSince) {
        List<String> secrets(Instant now) {
            return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                    ? List.of(secret, previousSecret) : List.of(secret);
        }
    }

    private static final String COLUMNS = """
            tenant_id, id, url, events, description, status, disabled_reason, failing_since, previous_secret_until,
            created_at, updated_at""";

    private final JdbcClient jdbc;
    private final TenantCache<List<Active>> cache;

    SubscriptionStore(JdbcClient jdbc, ChangeNotifications changes) {
        this.jdbc = jdbc;
        this.cache = new TenantCache<>("webhooks", changes);
    }

    /** The active subscriptions that want {@code type}; usually answered from the cache. */
    List<UUID> wanting(TenantId tenant, String type) {
        return cache.get(tenant, this::loadActive).stream().filter(a -> EventTypes.wants(a.events(), type))
                .map(Active::id).toList();
    }

    private List<Active> loadActive(TenantId tenant) {
        return jdbc.sql("SELECT id, events FROM webhook_subscription WHERE tenant_id = :tenant AND status = 'active'")
                .param("tenant", tenant.value())
                .query((rs, i) -> new Active(rs.getObject("id", UUID.class), strings(rs.getArray("events")))).list();
    }

    void insert(Subscription s, String secret) {
        jdbc.sql("""
                INSERT INTO webhook_subscription (tenant_id, id, url, events, description, secret, status,
                                                  created_at, updated_at)
                VALUES (:tenant, :id, :url, :events, :description, :secret, 'active', :at, :at)""")
                .param("tenant", s.tenant().value()).param("id", s.id()).param("url", s.url())
                .param("events", s.events().toArray(String[]::new)).param("description", s.description())
                .param("secret", secret).param("at", Timestamp.from(s.createdAt())).update();
        cache.changed(s.tenant());
    }

    Optional<Subscription> find(TenantId tenant, UUID id, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE tenant_id = :tenant AND id = :id"
                        + (lock ? " FOR UPDATE" : ""))
                .param("tenant", tenant.value()).param("id", id).query(SubscriptionStore::subscription).optional();
    }

    List<Subscription> page(TenantId tenant, UUID after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE tenant_id = :tenant"
                        + (after == null ? "" : " AND id > :after") + " ORDER BY id LIMIT :limit")
                .param("tenant", tenant.value()).param("after", after).param("limit", limit)
                .query(SubscriptionStore::subscription).list();
    }

    /** Writes the owner's changes; re-enabling clears the failure state. */
    void update(Subscription s) {
        jdbc.sql("""
                UPDATE webhook_subscription SET url = :url, events = :events, description = :description,
                       status = :status, disabled_reason = :reason, failing_since = :failingSince, updated_at = :at
                WHERE tenant_id = :tenant AND id = :id""")
                .param("url", s.url()).param("events", s.events().toArray(String[]::new))
                .param("description", s.description()).param("status", s.status())
                .param("reason", s.disabledReason()).param("failingSince", timestamp(s.failingSince()))
                .param("at", Timestamp.from(s.updatedAt()))
                .param("tenant", s.tenant().value()).param("id", s.id()).update();
        cache.changed(s.tenant());
    }

    void rotate(TenantId tenant, UUID id, String secret, Instant previousUntil, Instant now) {
        jdbc.sql("""
                UPDATE webhook_subscription SET previous_secret = secret, previous_secret_until = :until,
                       secret = :secret, updated_at = :now
                WHERE tenant_id = :tenant AND id = :id""")
                .param("until", Timestamp.from(previousUntil)).param("secret", secret)
                .param("now", Timestamp.from(now)).param("tenant", tenant.value()).param("id", id).update();
    }

    boolean delete(TenantId tenant, UUID id) {
        int deleted = jdbc.sql("DELETE FROM webhook_subscription WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).update();
        cache.changed(tenant);
        return deleted > 0;
    }

    /** The subscription locked, for the dispatcher's record of an attempt. */
    Optional<Target> target(TenantId tenant, UUID id) {
        return jdbc.sql("""
                SELECT id, url, secret, previous_secret, previous_secret_until, status, failing_since
                FROM webhook_subscription WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", tenant.value()).param("id", id)
                .query((rs, i) -> new Target(rs.getObject("id", UUID.class), rs.getString("url"),
                        rs.getString("secret"), rs.getString("previous_secret"),
                        instant(rs.getTimestamp("previous_secret_until")), "active".equals(rs.getString("status")),
                        instant(rs.getTimestamp("failing_since"))))
                .optional();
    }

    /** A delivery succeeded: the subscription is healthy again. */
    void succeeded(TenantId tenant, UUID id) {
        jdbc.sql("""
                UPDATE webhook_subscription SET failing_since = NULL
                WHERE tenant_id = :tenant AND id = :id AND failing_since IS NOT NULL""")
                .param("tenant", tenant.value()).param("id", id).update();
    }

    /** A delivery failed: remembers since when, and answers since when it has been failing. */
    Instant failed(TenantId tenant, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE webhook_subscription SET failing_since = coalesce(failing_since, :now)
                WHERE tenant_id = :tenant AND id = :id RETURNING failing_since""")
                .param("now", Timestamp.from(now)).param("tenant", tenant.value()).param("id", id)
                .query((rs, i) -> instant(rs.getTimestamp(1))).optional().orElse(now);
    }

    void disable(TenantId tenant, UUID id, String reason, Instant now) {
        jdbc.sql("""
                UPDATE webhook_subscription SET status = 'disabled', disabled_reason = :reason, updated_at = :now
                WHERE tenant_id = :tenant AND id = :id AND status = 'active'""")
                .param("reason", reason).param("now", Timestamp.from(now))
                .param("tenant", tenant.value()).param("id", id).update();
        cache.changed(tenant);
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(new TenantId(rs.getObject("tenant_id", UUID.class)), rs.getObject("id", UUID.class),
                rs.getString("url"), strings(rs.getArray("events")), rs.getString("description"),
                rs.getString("status"), rs.getString("disabled_reason"), instant(rs.getTimestamp("failing_since")),
                instant(rs.getTimestamp("previous_secret_until")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
