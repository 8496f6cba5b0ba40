package io.kopilka.referral.internal;

import io.kopilka.referral.ReferralStatus;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code referral} table: one row per invited friend. */
@Repository
class ReferralRows {
    private final JdbcClient jdbc;

    ReferralRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(MemberId friend, MemberId referrer, Instant joinedAt, ReferralStatus status, Instant availableAt,
               long referrerPoints, long refereePoints) {
    }

    void link(TenantId tenant, MemberId friend, MemberId referrer, Instant joinedAt) {
        jdbc.sql("""
                INSERT INTO referral (tenant_id, friend_id, referrer_id, joined_at)
                VALUES (:tenant, :friend, :referrer, :joinedAt) ON CONFLICT DO NOTHING""")
                .param("tenant", tenant.value()).param("friend", friend.value())
                .param("referrer", referrer.value()).param("joinedAt", Timestamp.from(joinedAt)).update();
    }

    /** Who invited this member, while nothing has come of it yet; empty for everyone else (one key read). */
    Optional<MemberId> openReferrer(TenantId tenant, MemberId friend) {
        return jdbc.sql("""
                SELECT referrer_id FROM referral
                WHERE tenant_id = :tenant AND friend_id = :friend AND status = 'joined'""")
                .param("tenant", tenant.value()).param("friend", friend.value())
                .query((rs, n) -> new MemberId(rs.getObject(1, UUID.class))).optional();
    }

    /** The friends the referrer was rewarded for in [from, to): the monthly cap's count. */
    int rewardedBetween(TenantId tenant, MemberId referrer, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT count(*) FROM referral
                WHERE tenant_id = :tenant AND referrer_id = :referrer AND status = 'rewarded'
                  AND decided_at >= :from AND decided_at < :to""")
                .param("tenant", tenant.value()).param("referrer", referrer.value())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Integer.class).single();
    }

    /** Settles an open referral; false if it was settled already (nothing changes then). */
    boolean settle(TenantId tenant, MemberId friend, ReferralStatus status, PurchaseId purchase, Instant at,
                   Instant availableAt, long referrerPoints, long refereePoints) {
        return jdbc.sql("""
                UPDATE referral SET status = :status, purchase_id = :purchase, decided_at = :at,
                       available_at = :availableAt, referrer_points = :referrerPoints, referee_points = :refereePoints
                WHERE tenant_id = :tenant AND friend_id = :friend AND status = 'joined'""")
                .param("tenant", tenant.value()).param("friend", friend.value()).param("status", status.code())
                .param("purchase", purchase.value()).param("at", Timestamp.from(at))
                .param("availableAt", availableAt == null ? null : Timestamp.from(availableAt))
                .param("referrerPoints", referrerPoints).param("refereePoints", refereePoints)
                .update() == 1;
    }

    Optional<Row> byPurchase(TenantId tenant, PurchaseId purchase) {
        return jdbc.sql("SELECT * FROM referral WHERE tenant_id = :tenant AND purchase_id = :purchase")
                .param("tenant", tenant.value()).param("purchase", purchase.value())
                .query(ReferralRows::map).optional();
    }

    boolean cancel(TenantId tenant, MemberId friend, Instant at) {
        return jdbc.sql("""
                UPDATE referral SET status = 'cancelled', cancelled_at = :at
                WHERE tenant_id = :tenant AND friend_id = :friend AND status = 'rewarded'""")
                .param("tenant", tenant.value()).param("friend", friend.value()).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** The friends this member invited, newest first. */
    List<Row> invitedBy(TenantId tenant, MemberId referrer) {
        return jdbc.sql("""
                SELECT * FROM referral WHERE tenant_id = :tenant AND referrer_id = :referrer
                ORDER BY joined_at DESC, friend_id DESC""")
                .param("tenant", tenant.value()).param("referrer", referrer.value())
                .query(ReferralRows::map).list();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        Timestamp available = rs.getTimestamp("available_at");
        return new Row(new MemberId(rs.getObject("friend_id", UUID.class)),
                new MemberId(rs.getObject("referrer_id", UUID.class)), rs.getTimestamp("joined_at").toInstant(),
                ReferralStatus.fromCode(rs.getString("status")), available == null ? null : available.toInstant(),
                rs.getLong("referrer_points"), rs.getLong("referee_points"));
    }
}
