package io.kopilka.reward.internal;

import io.kopilka.reward.Coupon;
import io.kopilka.reward.CouponCodes;
import io.kopilka.reward.CouponSource;
import io.kopilka.reward.CouponStatus;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The {@code coupon} table. Every change of a coupon's status is conditional on the status it starts from. */
@Component
class CouponStore {
    private static final String COLUMNS = """
            id, code, reward_id, member_id, source, status, terms::text AS terms, cost_points, refund_on_expiry, note,
            issued_at, expires_at, used_in_purchase_id, issued_by_purchase_id""";
    /** A collision is a one in 2^59 event per pair of codes: a few draws are more than enough. */
    private static final int DRAWS = 8;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    CouponStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts the coupon under a new code (drawn again on the rare collision); the coupon as stored. */
    Coupon insert(TenantId tenant, Coupon coupon) {
        for (int draw = 0; draw < DRAWS; draw++) {
            String code = CouponCodes.next(random);
            int inserted = jdbc.sql("""
                    INSERT INTO coupon (tenant_id, id, code, reward_id, member_id, source, status, terms, cost_points,
                                        refund_on_expiry, note, issued_at, expires_at, issued_by_purchase_id)
                    VALUES (:tenant, :id, :code, :reward, :member, :source, 'active', CAST(:terms AS jsonb), :cost,
                            :refund, :note, :issuedAt, :expiresAt, :issuedBy)
                    ON CONFLICT (tenant_id, code) DO NOTHING""")
                    .param("tenant", tenant.value()).param("id", coupon.id()).param("code", code)
                    .param("reward", coupon.rewardId()).param("member", coupon.member().value())
                    .param("source", coupon.source().code())
                    .param("terms", json.writeValueAsString(StoredTerms.of(coupon.terms())))
                    .param("cost", coupon.costPoints()).param("refund", coupon.refundOnExpiry())
                    .param("note", coupon.note()).param("issuedAt", Timestamp.from(coupon.issuedAt()))
                    .param("expiresAt", coupon.expiresAt() == null ? null : Timestamp.from(coupon.expiresAt()))
                    .param("issuedBy", coupon.issuedBy() == null ? null : coupon.issuedBy().value()).update();
            if (inserted == 1) {
                return new Coupon(coupon.id(), code, coupon.rewardId(), coupon.member(), coupon.source(),
                        CouponStatus.ACTIVE, coupon.terms(), coupon.costPoints(), coupon.refundOnExpiry(),
                        coupon.note(), coupon.issuedAt(), coupon.expiresAt(), null, coupon.issuedBy());
            }
        }
        throw new IllegalStateException(DRAWS + " coupon codes in a row were taken");
    }

    Optional<Coupon> byId(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM coupon WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).query(this::row).optional();
    }

    Optional<Coupon> byCode(TenantId tenant, String canonical) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM coupon WHERE tenant_id = :tenant AND code = :code")
                .param("tenant", tenant.value()).param("code", canonical).query(this::row).optional();
    }

    /** The coupons of these canonical codes, in one statement; codes no coupon has are simply absent. */
    List<Coupon> byCodes(TenantId tenant, List<String> canonical) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM coupon WHERE tenant_id = :tenant AND code = ANY(:codes)")
                .param("tenant", tenant.value()).param("codes", canonical.toArray(String[]::new))
                .query(this::row).list();
    }

    List<Coupon> ofMember(TenantId tenant, MemberId member, CouponStatus status, Instant beforeIssuedAt, UUID beforeId,
                          int limit, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM coupon
                        WHERE tenant_id = :tenant AND member_id = :member
                          AND (CAST(:before AS timestamptz) IS NULL OR (issued_at, id) < (:before, :beforeId))
                          AND (CAST(:status AS text) IS NULL
                               OR CAST(:status AS text) = 'active' AND status = 'active'
                                  AND (expires_at IS NULL OR expires_at > :now)
                               OR CAST(:status AS text) = 'expired' AND (status = 'expired'
                                  OR status = 'active' AND expires_at <= :now)
                               OR CAST(:status AS text) IN ('used', 'cancelled') AND status = :status)
                        ORDER BY issued_at DESC, id DESC LIMIT :limit""")
                .param("tenant", tenant.value()).param("member", member.value())
                .param("before", beforeIssuedAt == null ? null : Timestamp.from(beforeIssuedAt))
                .param("beforeId", beforeId).param("status", status == null ? null : status.code())
                .param("now", Timestamp.from(now)).param("limit", limit).query(this::row).list();
    }

    /**
     * Active coupons expiring in ({@code from}, {@code to}], by id. The window is a few days, so the range of
     * the expiry job's partial index {@code coupon_expiring} holds few rows to filter by tenant and sort.
     */
    List<Coupon> expiringBetween(TenantId tenant, Instant from, Instant to, UUID afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM coupon
                        WHERE status = 'active' AND expires_at IS NOT NULL AND expires_at > :from AND expires_at <= :to
                          AND tenant_id = :tenant AND (CAST(:after AS uuid) IS NULL OR id > CAST(:after AS uuid))
                        ORDER BY id LIMIT :limit""")
                .param("tenant", tenant.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("after", afterId).param("limit", limit).query(this::row).list();
    }

    /** Active → used, by a purchase or by hand ({@code purchase} null); false when it was no longer active. */
    boolean markUsed(TenantId tenant, UUID id, PurchaseId purchase, Instant now) {
        return jdbc.sql("""
                UPDATE coupon SET status = 'used', used_at = :now, used_in_purchase_id = :purchase
                WHERE tenant_id = :tenant AND id = :id AND status = 'active'""")
                .param("now", Timestamp.from(now)).param("purchase", purchase == null ? null : purchase.value())
                .param("tenant", tenant.value()).param("id", id).update() == 1;
    }

    /** Active → cancelled; false when it was no longer active. */
    boolean cancel(TenantId tenant, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE coupon SET status = 'cancelled', closed_at = :now
                WHERE tenant_id = :tenant AND id = :id AND status = 'active'""")
                .param("now", Timestamp.from(now)).param("tenant", tenant.value()).param("id", id).update() == 1;
    }

    /**
     * A purchase returned whole: the coupons it used are active again, or expired when their date
     * has passed meanwhile (they were used, so nothing is given back for them).
     */
    void giveBackUsedIn(TenantId tenant, PurchaseId purchase, Instant now) {
        jdbc.sql("""
                UPDATE coupon SET status = CASE WHEN expires_at IS NOT NULL AND expires_at <= :now THEN 'expired'
                                                ELSE 'active' END,
                                  closed_at = CASE WHEN expires_at IS NOT NULL AND expires_at <= :now THEN CAST(:now AS timestamptz)
                                                   END,
                                  used_at = NULL, used_in_purchase_id = NULL
                WHERE tenant_id = :tenant AND used_in_purchase_id = :purchase AND status = 'used'""")
                .param("now", Timestamp.from(now)).param("tenant", tenant.value()).param("purchase", purchase.value())
                .update();
    }

    /** A purchase returned whole: the coupons its rules gave, still unused, are cancelled; their ids. */
    List<UUID> cancelIssuedBy(TenantId tenant, PurchaseId purchase, Instant now) {
        return jdbc.sql("""
                UPDATE coupon SET status = 'cancelled', closed_at = :now
                WHERE tenant_id = :tenant AND issued_by_purchase_id = :purchase AND status = 'active'
                RETURNING reward_id""")
                .param("now", Timestamp.from(now)).param("tenant", tenant.value()).param("purchase", purchase.value())
                .query(UUID.class).list();
    }

    /** Up to {@code limit} coupons past their date still active, across tenants (the expiry job's only such read). */
    List<Due> due(Instant now, boolean refundable, int limit) {
        return jdbc.sql("""
                SELECT tenant_id, id, member_id FROM coupon
                WHERE status = 'active' AND expires_at <= :now
                  AND (cost_points IS NOT NULL AND refund_on_expiry) = :refundable
                ORDER BY expires_at LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("refundable", refundable).param("limit", limit)
                .query((rs, n) -> new Due(new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getObject("id", UUID.class), new MemberId(rs.getObject("member_id", UUID.class))))
                .list();
    }

    record Due(TenantId tenant, UUID id, MemberId member) {
    }

    /** Expires the coupons that give nothing back, in one statement; how many. */
    int expireWithoutRefund(List<Due> due, Instant now) {
        if (due.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE coupon c SET status = 'expired', closed_at = :now
                FROM unnest(:tenants, :ids) AS d(tenant_id, id)
                WHERE c.tenant_id = d.tenant_id AND c.id = d.id AND c.status = 'active' AND c.expires_at <= :now""")
                .param("now", Timestamp.from(now))
                .param("tenants", due.stream().map(d -> d.tenant().value()).toArray(UUID[]::new))
                .param("ids", due.stream().map(Due::id).toArray(UUID[]::new)).update();
    }

    /** Active → expired for one coupon; the coupon when this call expired it, empty when something else did first. */
    Optional<Coupon> expire(TenantId tenant, UUID id, Instant now) {
        return jdbc.sql("UPDATE coupon SET status = 'expired', closed_at = :now "
                        + "WHERE tenant_id = :tenant AND id = :id AND status = 'active' AND expires_at <= :now "
                        + "RETURNING " + COLUMNS)
                .param("now", Timestamp.from(now)).param("tenant", tenant.value()).param("id", id)
                .query(this::row).optional();
    }

    private Coupon row(ResultSet rs, int n) throws SQLException {
        long cost = rs.getLong("cost_points");
        Long costPoints = rs.wasNull() ? null : cost;
        Timestamp expires = rs.getTimestamp("expires_at");
        UUID usedIn = rs.getObject("used_in_purchase_id", UUID.class);
        UUID issuedBy = rs.getObject("issued_by_purchase_id", UUID.class);
        return new Coupon(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("reward_id", UUID.class),
                new MemberId(rs.getObject("member_id", UUID.class)),
                CouponSource.valueOf(rs.getString("source").toUpperCase(Locale.ROOT)),
                CouponStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                json.readValue(rs.getString("terms"), StoredTerms.class).terms(), costPoints,
                rs.getBoolean("refund_on_expiry"), rs.getString("note"), rs.getTimestamp("issued_at").toInstant(),
                expires == null ? null : expires.toInstant(), usedIn == null ? null : new PurchaseId(usedIn),
                issuedBy == null ? null : new PurchaseId(issuedBy));
    }
}
