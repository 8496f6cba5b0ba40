package io.kopilka.engagement.internal;

import io.kopilka.engagement.Challenge;
import io.kopilka.engagement.ChallengeDocument;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.database.ChangeNotifications;
import io.kopilka.shared.database.TenantCache;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Table {@code challenge}, and every tenant's challenges in memory (dropped on every instance when
 * one changes), so a purchase of a tenant without challenges runs no statement for them.
 */
@Component
class ChallengeCatalog {
    private static final String COLUMNS = "id, definition, created_at, updated_at";
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TenantCache<List<Challenge>> cache;

    ChallengeCatalog(JdbcClient jdbc, JsonMapper json, ChangeNotifications changes) {
        this.jdbc = jdbc;
        this.json = json;
        this.cache = new TenantCache<>("challenges", changes);
    }

    /** Every challenge of the tenant, active or not, by id. */
    List<Challenge> all(TenantId tenant) {
        return cache.get(tenant, t -> jdbc.sql("SELECT " + COLUMNS + " FROM challenge WHERE tenant_id = :tenant ORDER BY id")
                .param("tenant", t.value()).query((rs, n) -> challenge(rs)).list());
    }

    List<Challenge> active(TenantId tenant) {
        return all(tenant).stream().filter(c -> c.draft().active()).toList();
    }

    Optional<Challenge> byId(TenantId tenant, UUID id) {
        return all(tenant).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    List<Challenge> page(TenantId tenant, UUID after, int limit) {
        return all(tenant).stream().filter(c -> after == null || c.id().compareTo(after) > 0).limit(limit).toList();
    }

    /** The challenge locked until the transaction ends, so that two edits do not interleave. */
    Optional<Challenge> locked(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM challenge WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenant.value()).param("id", id).query((rs, n) -> challenge(rs)).optional();
    }

    void insert(TenantId tenant, Challenge c) {
        jdbc.sql("""
                INSERT INTO challenge (tenant_id, id, definition, active, created_at, updated_at)
                VALUES (:tenant, :id, CAST(:definition AS jsonb), :active, :created, :updated)""")
                .param("tenant", tenant.value()).param("id", c.id()).param("definition", definition(c))
                .param("active", c.draft().active()).param("created", Timestamp.from(c.createdAt()))
                .param("updated", Timestamp.from(c.updatedAt())).update();
        cache.changed(tenant);
    }

    void update(TenantId tenant, Challenge c) {
        jdbc.sql("""
                UPDATE challenge SET definition = CAST(:definition AS jsonb), active = :active, updated_at = :updated
                 WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", tenant.value()).param("id", c.id()).param("definition", definition(c))
                .param("active", c.draft().active()).param("updated", Timestamp.from(c.updatedAt())).update();
        cache.changed(tenant);
    }

    private String definition(Challenge c) {
        return json.writeValueAsString(ChallengeDocument.of(c.draft(), ZoneOffset.UTC));
    }

    private Challenge challenge(java.sql.ResultSet rs) throws java.sql.SQLException {
        ChallengeDocument document = json.readValue(rs.getString("definition"), ChallengeDocument.class);
        return new Challenge(rs.getObject("id", UUID.class), document.toDraft(), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
