package io.kopilka.webhook.internal;

import io.kopilka.shared.TenantId;
import io.kopilka.webhook.Delivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The deliveries' table: the outbox the dispatcher sends from, and the record of every attempt. */
@Component
class DeliveryStore {
    /** A delivery claimed for an attempt. */
    record Due(TenantId tenant, UUID id, UUID subscriptionId, String eventId, String body, int attempts,
               Instant firstAttemptAt) {
    }

    private static final String COLUMNS = """
            id, subscription_id, event_id, type, status, attempts, last_status_code, last_error, next_attempt_at,
            created_at, delivered_at""";

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row per subscription, all for the same event and body, due at once. */
    void insert(TenantId tenant, List<UUID> ids, List<UUID> subscriptions, String eventId, String type, String body,
                Instant now) {
        jdbc.sql("""
                INSERT INTO webhook_delivery (tenant_id, id, subscription_id, event_id, type, body, status,
                                              next_attempt_at, created_at, updated_at)
                SELECT :tenant, d.id, d.subscription, :event, :type, :body, 'pending', :now, :now, :now
                FROM unnest(:ids, :subscriptions) AS d (id, subscription)""")
                .param("tenant", tenant.value()).param("ids", ids.toArray(UUID[]::new))
                .param("subscriptions", subscriptions.toArray(UUID[]::new)).param("event", eventId)
                .param("type", type).param("body", body).param("now", Timestamp.from(now)).update();
    }

    /**
     * Claims up to {@code limit} due deliveries of active subscriptions (of one tenant, or of all when
     * {@code tenant} is null) for {@code lease}: each is moved to {@code leaseUntil} so that no other run takes
     * it meanwhile, and comes back by itself if this instance dies before recording the attempt.
     */
    List<Due> claim(TenantId tenant, List<UUID> only, Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                WITH due AS (
                    SELECT d.tenant_id, d.id FROM webhook_delivery d
                    JOIN webhook_subscription s ON s.tenant_id = d.tenant_id AND s.id = d.subscription_id
                    WHERE d.status = 'pending' AND d.next_attempt_at <= :now AND s.status = 'active'
                      AND (CAST(:tenant AS uuid) IS NULL OR d.tenant_id = :tenant)
                      AND (CAST(:only AS uuid[]) IS NULL OR d.id = ANY (:only))
                    ORDER BY d.next_attempt_at
                    LIMIT :limit
                    FOR UPDATE OF d SKIP LOCKED)
                UPDATE webhook_delivery w SET next_attempt_at = :lease,
                       first_attempt_at = coalesce(w.first_attempt_at, :now), updated_at = :now
                FROM due WHERE w.tenant_id = due.tenant_id AND w.id = due.id
                RETURNING w.tenant_id, w.id, w.subscription_id, w.event_id, w.body, w.attempts, w.first_attempt_at""")
                .param("now", Timestamp.from(now)).param("lease", Timestamp.from(leaseUntil))
                .param("tenant", tenant == null ? null : tenant.value())
                .param("only", only == null ? null : only.toArray(UUID[]::new)).param("limit", limit)
                .query((rs, i) -> new Due(new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                        rs.getString("event_id"), rs.getString("body"), rs.getInt("attempts"),
                        rs.getTimestamp("first_attempt_at").toInstant()))
                .list();
    }

    void delivered(Due due, int statusCode, Instant now) {
        jdbc.sql("""
                UPDATE webhook_delivery SET status = 'delivered', attempts = attempts + 1, last_status_code = :code,
                       last_error = NULL, next_attempt_at = NULL, delivered_at = :now, updated_at = :now
                WHERE tenant_id = :tenant AND id = :id""")
                .param("code", statusCode).param("now", Timestamp.from(now))
                .param("tenant", due.tenant().value()).param("id", due.id()).update();
    }

    /** A failed attempt: tried again at {@code next}, or failed for good when it is null. */
    void attemptFailed(Due due, Integer statusCode, String error, Instant next, Instant now) {
        jdbc.sql("""
                UPDATE webhook_delivery SET status = :status, attempts = attempts + 1, last_status_code = :code,
                       last_error = :error, next_attempt_at = :next, updated_at = :now
                WHERE tenant_id = :tenant AND id = :id""")
                .param("status", next == null ? "failed" : "pending").param("code", statusCode)
                .param("error", error).param("next", next == null ? null : Timestamp.from(next))
                .param("now", Timestamp.from(now)).param("tenant", due.tenant().value()).param("id", due.id())
                .update();
    }

    /** Queues it again now, with a fresh window of attempts. */
    Optional<Delivery> requeue(TenantId tenant, UUID subscription, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE webhook_delivery SET status = 'pending', next_attempt_at = :now, first_attempt_at = NULL,
                       delivered_at = NULL, updated_at = :now
                WHERE tenant_id = :tenant AND subscription_id = :subscription AND id = :id
                RETURNING\s""" + COLUMNS)
                .param("now", Timestamp.from(now)).param("tenant", tenant.value())
                .param("subscription", subscription).param("id", id).query(DeliveryStore::delivery).optional();
    }

    List<Delivery> page(TenantId tenant, UUID subscription, UUID before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE tenant_id = :tenant"
                        + " AND subscription_id = :subscription" + (before == null ? "" : " AND id < :before")
                        + " ORDER BY id DESC LIMIT :limit")
                .param("tenant", tenant.value()).param("subscription", subscription).param("before", before)
                .param("limit", limit).query(DeliveryStore::delivery).list();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        int code = rs.getInt("last_status_code");
        Integer lastCode = rs.wasNull() ? null : code;
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getString("event_id"), rs.getString("type"), rs.getString("status"), rs.getInt("attempts"),
                lastCode, rs.getString("last_error"), instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("delivered_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
