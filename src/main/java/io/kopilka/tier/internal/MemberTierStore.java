package io.kopilka.tier.internal;

import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tier.ChangeReason;
import io.kopilka.tier.TierHistoryEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Members' levels (member_tier) and the history of their changes (tier_change, append-only). */
@Component
class MemberTierStore {
    private final JdbcClient jdbc;

    MemberTierStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A member_tier row as stored. */
    record Row(MemberId member, String code, Instant since, Instant belowSince) {
    }

    private static final String COLUMNS = "mt.member_id, mt.level_code, mt.since, mt.below_since";

    Optional<Row> find(TenantId tenant, MemberId member) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM member_tier mt WHERE mt.tenant_id = :tenant AND mt.member_id = :member")
                .param("tenant", tenant.value()).param("member", member.value())
                .query((rs, i) -> row(rs)).optional();
    }

    /**
     * The member's row, locked until the transaction ends; created on the entry level first if they
     * had none. Concurrent first purchases of one member meet on the primary key, not in a duplicate.
     */
    Row lockOrCreate(TenantId tenant, MemberId member, String entryCode, Instant now) {
        jdbc.sql("""
                INSERT INTO member_tier (tenant_id, member_id, level_code, since) VALUES (:tenant, :member, :code, :now)
                ON CONFLICT (tenant_id, member_id) DO NOTHING""")
                .param("tenant", tenant.value()).param("member", member.value()).param("code", entryCode)
                .param("now", Timestamp.from(now)).update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM member_tier mt WHERE mt.tenant_id = :tenant AND mt.member_id = :member FOR UPDATE")
                .param("tenant", tenant.value()).param("member", member.value())
                .query((rs, i) -> row(rs)).single();
    }

    /**
     * The next members on automatic levels (by id, after {@code after}), locked: the re-evaluation's
     * batch. Taken in id order, so two runs at once lock in the same order and cannot deadlock.
     */
    List<Row> lockAutomaticBatch(TenantId tenant, MemberId after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM member_tier mt JOIN tier_level l ON l.tenant_id = mt.tenant_id AND l.code = mt.level_code
                WHERE mt.tenant_id = :tenant AND NOT l.manual AND mt.member_id > :after
                ORDER BY mt.member_id LIMIT :limit
                FOR UPDATE OF mt""")
                .param("tenant", tenant.value()).param("after", after == null ? new UUID(0, 0) : after.value())
                .param("limit", limit).query((rs, i) -> row(rs)).list();
    }

    /** Members on levels other than {@code codes} (levels being removed), locked. */
    List<Row> lockOnLevelsOtherThan(TenantId tenant, List<String> codes) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM member_tier mt
                WHERE mt.tenant_id = :tenant AND mt.level_code <> ALL (CAST(:codes AS text[]))
                ORDER BY mt.member_id FOR UPDATE""")
                .param("tenant", tenant.value()).param("codes", codes.toArray(String[]::new))
                .query((rs, i) -> row(rs)).list();
    }

    void update(TenantId tenant, MemberId member, String code, Instant since, Instant belowSince) {
        jdbc.sql("""
                UPDATE member_tier SET level_code = :code, since = :since, below_since = :belowSince
                WHERE tenant_id = :tenant AND member_id = :member""")
                .param("code", code).param("since", Timestamp.from(since)).param("belowSince", ts(belowSince))
                .param("tenant", tenant.value()).param("member", member.value()).update();
    }

    void recordChange(TenantId tenant, MemberId member, String from, String to, ChangeReason reason, String note,
                      String actor, UUID purchaseId, Instant at) {
        jdbc.sql("""
                INSERT INTO tier_change (tenant_id, id, member_id, from_code, to_code, reason, note, actor, purchase_id, at)
                VALUES (:tenant, :id, :member, :from, :to, :reason, :note, :actor, :purchase, :at)""")
                .param("tenant", tenant.value()).param("id", Ids.next()).param("member", member.value())
                .param("from", from).param("to", to).param("reason", reason.code()).param("note", note)
                .param("actor", actor).param("purchase", purchaseId).param("at", Timestamp.from(at)).update();
    }

    List<TierHistoryEntry> history(TenantId tenant, MemberId member, Instant beforeAt, UUID beforeId, int limit) {
        return jdbc.sql("""
                SELECT id, from_code, to_code, reason, note, actor, purchase_id, at FROM tier_change
                WHERE tenant_id = :tenant AND member_id = :member
                  AND (CAST(:before AS timestamptz) IS NULL OR (at, id) < (:before, :beforeId))
                ORDER BY at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant.value()).param("member", member.value()).param("before", ts(beforeAt))
                .param("beforeId", beforeId == null ? new UUID(0, 0) : beforeId).param("limit", limit)
                .query((rs, i) -> new TierHistoryEntry(rs.getObject("id", UUID.class), rs.getString("from_code"),
                        rs.getString("to_code"), ChangeReason.fromCode(rs.getString("reason")).orElseThrow(),
                        rs.getString("note"), rs.getString("actor"), rs.getObject("purchase_id", UUID.class),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp below = rs.getTimestamp("below_since");
        return new Row(new MemberId(rs.getObject("member_id", UUID.class)), rs.getString("level_code"),
                rs.getTimestamp("since").toInstant(), below == null ? null : below.toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
