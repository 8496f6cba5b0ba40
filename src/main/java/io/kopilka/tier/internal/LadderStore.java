package io.kopilka.tier.internal;

import io.kopilka.shared.TenantId;
import io.kopilka.shared.database.ChangeNotifications;
import io.kopilka.shared.database.TenantCache;
import io.kopilka.tier.Benefits;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.Metric;
import io.kopilka.tier.Window;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ladders in tier_ladder and tier_level. Every purchase reads its tenant's ladder, so the levels are
 * cached per tenant and version: a read costs one small row, and a replacement on any instance bumps
 * the version that all instances read.
 */
@Component
class LadderStore {
    private static final TypeReference<List<String>> PERKS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Map<TenantId, Ladder> cache = new ConcurrentHashMap<>();

    /** Ladders trusted without asking the database, while change notifications flow. */
    private final TenantCache<Ladder> trusted;

    LadderStore(JdbcClient jdbc, JsonMapper json, ChangeNotifications changes) {
        this.jdbc = jdbc;
        this.json = json;
        this.trusted = new TenantCache<>("tiers", changes);
    }

    /**
     * The ladder for reading on the purchase path: from memory while notifications flow (a
     * replacement on any instance drops it), else as {@link #read}. No lock: a purchase never writes
     * to, or locks, a row shared by the whole tenant.
     */
    Ladder current(TenantId tenant) {
        return trusted.get(tenant, this::read);
    }

    /** Announces a replacement, in its transaction, to every instance. */
    void announce(TenantId tenant) {
        trusted.changed(tenant);
    }

    private record Head(String metric, String windowType, int windowMonths, int graceDays, long version) {
    }

    /** The ladder as committed now. */
    Ladder read(TenantId tenant) {
        return read(tenant, "");
    }

    /**
     * The ladder, held (FOR KEY SHARE) until the transaction ends: members' levels may be written
     * against it, and a replacement waits. Writers of levels never block each other on it.
     */
    Ladder readShared(TenantId tenant) {
        return read(tenant, " FOR KEY SHARE");
    }

    private Ladder read(TenantId tenant, String lock) {
        Optional<Long> version = jdbc.sql("SELECT version FROM tier_ladder WHERE tenant_id = :tenant" + lock)
                .param("tenant", tenant.value()).query(Long.class).optional();
        if (version.isEmpty() || version.get() == 0) {
            return Ladder.none();
        }
        Ladder cached = cache.get(tenant);
        if (cached != null && cached.version() == version.get()) {
            return cached;
        }
        Ladder ladder = load(tenant);
        cache.merge(tenant, ladder, (old, loaded) -> loaded.version() >= old.version() ? loaded : old);
        return ladder;
    }

    /** Settings and levels in one statement, so in one snapshot: never one version's levels under another's. */
    private Ladder load(TenantId tenant) {
        record Row(Head head, Level level) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT t.metric, t.window_type, t.window_months, t.grace_days, t.version,
                       l.code, l.name, l.threshold, l.manual, l.earn_multiplier, l.discount_percent, l.perks::text AS perks
                FROM tier_ladder t JOIN tier_level l ON l.tenant_id = t.tenant_id
                WHERE t.tenant_id = :tenant ORDER BY l.position""")
                .param("tenant", tenant.value())
                .query((rs, i) -> new Row(
                        new Head(rs.getString("metric"), rs.getString("window_type"), rs.getInt("window_months"),
                                rs.getInt("grace_days"), rs.getLong("version")),
                        new Level(rs.getString("code"), rs.getString("name"), rs.getBigDecimal("threshold"),
                                rs.getBoolean("manual"), new Benefits(rs.getBigDecimal("earn_multiplier"),
                                rs.getBigDecimal("discount_percent"), json.readValue(rs.getString("perks"), PERKS)))))
                .list();
        if (rows.isEmpty()) {
            return Ladder.none();
        }
        Head head = rows.getFirst().head();
        return new Ladder(Metric.fromCode(head.metric()).orElseThrow(),
                new Window(Window.Type.fromCode(head.windowType()).orElseThrow(), head.windowMonths()),
                head.graceDays(), rows.stream().map(Row::level).toList(), head.version());
    }

    /**
     * Locks the tenant's ladder row against every writer of levels (FOR UPDATE conflicts with their
     * KEY SHARE), creating it first if the tenant never had tiers. Returns the current version.
     */
    long lockForReplace(TenantId tenant, Instant now) {
        jdbc.sql("""
                INSERT INTO tier_ladder (tenant_id, metric, window_type, window_months, grace_days, version, updated_at)
                VALUES (:tenant, 'spend', 'lifetime', 0, 0, 0, :now)
                ON CONFLICT (tenant_id) DO NOTHING""")
                .param("tenant", tenant.value()).param("now", Timestamp.from(now)).update();
        return jdbc.sql("SELECT version FROM tier_ladder WHERE tenant_id = :tenant FOR UPDATE")
                .param("tenant", tenant.value()).query(Long.class).single();
    }

    /**
     * Writes the ladder's settings and levels; levels that keep their code are updated in place (members
     * on them stay), new ones are inserted. Levels that left the ladder are removed by {@link #removeOthers}
     * once nobody is on them. The caller holds {@link #lockForReplace}.
     */
    void write(TenantId tenant, Ladder ladder, long version, Instant now) {
        jdbc.sql("""
                UPDATE tier_ladder SET metric = :metric, window_type = :windowType, window_months = :months,
                       grace_days = :grace, version = :version, updated_at = :now
                WHERE tenant_id = :tenant""")
                .param("metric", ladder.metric().code()).param("windowType", ladder.window().type().code())
                .param("months", ladder.window().type() == Window.Type.ROLLING_MONTHS ? ladder.window().months() : 0)
                .param("grace", ladder.graceDays()).param("version", version).param("now", Timestamp.from(now))
                .param("tenant", tenant.value()).update();
        List<Level> levels = ladder.levels();
        for (int position = 0; position < levels.size(); position++) {
            Level level = levels.get(position);
            jdbc.sql("""
                    INSERT INTO tier_level (tenant_id, code, position, name, threshold, manual, earn_multiplier,
                                            discount_percent, perks)
                    VALUES (:tenant, :code, :position, :name, :threshold, :manual, :multiplier, :discount,
                            CAST(:perks AS jsonb))
                    ON CONFLICT (tenant_id, code) DO UPDATE SET position = EXCLUDED.position, name = EXCLUDED.name,
                           threshold = EXCLUDED.threshold, manual = EXCLUDED.manual,
                           earn_multiplier = EXCLUDED.earn_multiplier, discount_percent = EXCLUDED.discount_percent,
                           perks = EXCLUDED.perks""")
                    .param("tenant", tenant.value()).param("code", level.code()).param("position", position)
                    .param("name", level.name()).param("threshold", level.manual() ? null : level.threshold())
                    .param("manual", level.manual()).param("multiplier", level.benefits().earnMultiplier())
                    .param("discount", level.benefits().discountPercent())
                    .param("perks", json.writeValueAsString(level.benefits().perks()))
                    .update();
        }
    }

    /** Deletes the levels not named in {@code codes}; the members on them must have been moved first. */
    void removeOthers(TenantId tenant, List<String> codes) {
        jdbc.sql("DELETE FROM tier_level WHERE tenant_id = :tenant AND code <> ALL (CAST(:codes AS text[]))")
                .param("tenant", tenant.value()).param("codes", codes.toArray(String[]::new)).update();
    }

    /** Every tenant that runs tiers, for the daily job. */
    List<TenantId> tenantsWithTiers() {
        return jdbc.sql("SELECT tenant_id FROM tier_ladder WHERE version > 0 ORDER BY tenant_id")
                .query((rs, i) -> new TenantId(rs.getObject(1, UUID.class))).list();
    }
}
