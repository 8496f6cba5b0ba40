package io.kopilka.reward.internal;

import io.kopilka.reward.CatalogReward;
import io.kopilka.reward.Reward;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The {@code reward} table: the catalog's rows and their stock. */
@Component
class RewardStore {
    private static final String COLUMNS = "id, definition::text AS definition, stock_left, status, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RewardStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(TenantId tenant, Reward reward, Instant now) {
        jdbc.sql("""
                INSERT INTO reward (tenant_id, id, definition, stock_left, status, created_at, updated_at)
                VALUES (:tenant, :id, CAST(:definition AS jsonb), :stock, 'active', :now, :now)""")
                .param("tenant", tenant.value()).param("id", reward.id())
                .param("definition", json.writeValueAsString(StoredReward.of(reward)))
                .param("stock", reward.stock()).param("now", Timestamp.from(now)).update();
    }

    Optional<CatalogReward> find(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reward WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).query(this::row).optional();
    }

    /** The reward, locked until the transaction ends: a replacement computes the stock left from it. */
    Optional<CatalogReward> lock(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reward WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenant.value()).param("id", id).query(this::row).optional();
    }

    List<CatalogReward> page(TenantId tenant, UUID after, int limit, Boolean active) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM reward
                        WHERE tenant_id = :tenant AND (CAST(:after AS uuid) IS NULL OR id > :after)
                          AND (CAST(:status AS text) IS NULL OR status = :status)
                        ORDER BY id LIMIT :limit""")
                .param("tenant", tenant.value()).param("after", after)
                .param("status", active == null ? null : active ? "active" : "archived")
                .param("limit", limit).query(this::row).list();
    }

    void replace(TenantId tenant, Reward reward, Long stockLeft, Instant now) {
        jdbc.sql("""
                UPDATE reward SET definition = CAST(:definition AS jsonb), stock_left = :stock, updated_at = :now
                WHERE tenant_id = :tenant AND id = :id""")
                .param("definition", json.writeValueAsString(StoredReward.of(reward))).param("stock", stockLeft)
                .param("now", Timestamp.from(now)).param("tenant", tenant.value()).param("id", reward.id()).update();
    }

    void archive(TenantId tenant, UUID id, Instant now) {
        jdbc.sql("UPDATE reward SET status = 'archived', updated_at = :now WHERE tenant_id = :tenant AND id = :id")
                .param("now", Timestamp.from(now)).param("tenant", tenant.value()).param("id", id).update();
    }

    /**
     * Takes one coupon's worth from a limited stock, or nothing: the condition is checked by the
     * statement itself, under the row's lock, so however many take at once, the stock never goes
     * below zero. An unlimited reward is not written at all, so its buyers do not queue on its row.
     */
    boolean takeOne(TenantId tenant, CatalogReward reward) {
        if (reward.stockLeft() == null) {
            return true;
        }
        return jdbc.sql("""
                UPDATE reward SET stock_left = stock_left - 1
                WHERE tenant_id = :tenant AND id = :id AND stock_left > 0""")
                .param("tenant", tenant.value()).param("id", reward.reward().id()).update() == 1;
    }

    /** A cancelled coupon's unit goes back to the stock, never above the stock itself. */
    void giveBack(TenantId tenant, UUID id) {
        jdbc.sql("""
                UPDATE reward SET stock_left = LEAST(stock_left + 1, CAST(definition ->> 'stock' AS bigint))
                WHERE tenant_id = :tenant AND id = :id AND stock_left IS NOT NULL""")
                .param("tenant", tenant.value()).param("id", id).update();
    }

    /** How many coupons of the reward were ever taken from its stock (cancelled ones excepted). */
    long issued(TenantId tenant, UUID reward) {
        return jdbc.sql("""
                SELECT count(*) FROM coupon WHERE tenant_id = :tenant AND reward_id = :reward AND status <> 'cancelled'""")
                .param("tenant", tenant.value()).param("reward", reward).query(Long.class).single();
    }

    /** How many of the reward the member bought (cancelled ones excepted): what {@code perMemberLimit} counts. */
    long bought(TenantId tenant, UUID reward, MemberId member) {
        return jdbc.sql("""
                SELECT count(*) FROM coupon
                WHERE tenant_id = :tenant AND reward_id = :reward AND member_id = :member
                  AND source = 'redemption' AND status <> 'cancelled'""")
                .param("tenant", tenant.value()).param("reward", reward).param("member", member.value())
                .query(Long.class).single();
    }

    private CatalogReward row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Reward reward = json.readValue(rs.getString("definition"), StoredReward.class).reward(id);
        long left = rs.getLong("stock_left");
        return new CatalogReward(reward, rs.wasNull() ? null : left, "active".equals(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
