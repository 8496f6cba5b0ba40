package io.kopilka.engagement.internal;

import io.kopilka.engagement.ChallengePolicy;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tables {@code challenge_entry} (the purchases counted) and {@code challenge_completion}. Written in
 * the purchase's transaction, under the member's lock: a member's purchases are counted one at a time.
 */
@Component
class ProgressStore {
    private final JdbcClient jdbc;

    ProgressStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A member's standing on a challenge: the completions that stand and the entries the card may need. */
    record Standing(ChallengePolicy.Completions completions, List<ChallengePolicy.Entry> entries) {
    }

    /**
     * The completions and the counted purchases not returned from a day before the last completion on
     * (the day's for {@code oncePerDay}), in one statement.
     */
    Standing standing(TenantId tenant, UUID challenge, MemberId member) {
        record Row(Integer completions, Timestamp lastAt, UUID purchaseId, Timestamp occurredAt, LocalDate day,
                   BigDecimal amount) {
        }
        List<Row> rows = jdbc.sql("""
                WITH done AS (
                    SELECT count(*)::int AS completions, max(occurred_at) AS last_at
                      FROM challenge_completion
                     WHERE tenant_id = :tenant AND challenge_id = :challenge AND member_id = :member
                       AND cancelled_at IS NULL)
                SELECT done.completions, done.last_at, e.purchase_id, e.occurred_at, e.day, e.amount
                  FROM done
                  LEFT JOIN challenge_entry e
                    ON e.tenant_id = :tenant AND e.challenge_id = :challenge AND e.member_id = :member
                   AND NOT e.returned
                   AND (done.last_at IS NULL OR e.occurred_at > done.last_at - interval '1 day')""")
                .param("tenant", tenant.value()).param("challenge", challenge).param("member", member.value())
                .query(Row.class).list();
        Row first = rows.getFirst();
        var completions = new ChallengePolicy.Completions(first.completions(),
                first.lastAt() == null ? null : first.lastAt().toInstant());
        List<ChallengePolicy.Entry> entries = rows.stream().filter(r -> r.purchaseId() != null)
                .map(r -> new ChallengePolicy.Entry(r.purchaseId(), r.occurredAt().toInstant(), r.day(), r.amount()))
                .toList();
        return new Standing(completions, entries);
    }

    void count(TenantId tenant, UUID challenge, MemberId member, ChallengePolicy.Entry entry, BigDecimal units) {
        jdbc.sql("""
                INSERT INTO challenge_entry (tenant_id, challenge_id, member_id, purchase_id, occurred_at, day, amount,
                                             units)
                VALUES (:tenant, :challenge, :member, :purchase, :at, :day, :amount, :units)""")
                .param("tenant", tenant.value()).param("challenge", challenge).param("member", member.value())
                .param("purchase", entry.purchaseId()).param("at", Timestamp.from(entry.occurredAt()))
                .param("day", entry.day()).param("amount", entry.amount()).param("units", units).update();
    }

    /** A completion and the reward it gave. */
    record Completion(UUID id, UUID challengeId, MemberId member, UUID purchaseId, Instant occurredAt, long points,
                      UUID couponId, String couponCode, String badge, boolean surprise) {
    }

    void complete(TenantId tenant, Completion c, Instant now) {
        jdbc.sql("""
                INSERT INTO challenge_completion (tenant_id, id, challenge_id, member_id, purchase_id, occurred_at,
                                                  points, coupon_id, coupon_code, badge, surprise, created_at)
                VALUES (:tenant, :id, :challenge, :member, :purchase, :at, :points, :coupon, :code, :badge, :surprise,
                        :now)""")
                .param("tenant", tenant.value()).param("id", c.id()).param("challenge", c.challengeId())
                .param("member", c.member().value()).param("purchase", c.purchaseId())
                .param("at", Timestamp.from(c.occurredAt())).param("points", c.points()).param("coupon", c.couponId())
                .param("code", c.couponCode()).param("badge", c.badge()).param("surprise", c.surprise())
                .param("now", Timestamp.from(now)).update();
    }

    /** A whole return: the purchase's entries count no more; its completions that stand, for the caller to judge. */
    List<Completion> returned(TenantId tenant, UUID purchase) {
        jdbc.sql("UPDATE challenge_entry SET returned = true WHERE tenant_id = :tenant AND purchase_id = :purchase")
                .param("tenant", tenant.value()).param("purchase", purchase).update();
        return jdbc.sql("""
                SELECT id, challenge_id, member_id, purchase_id, occurred_at, points, coupon_id, coupon_code, badge,
                       surprise
                  FROM challenge_completion
                 WHERE tenant_id = :tenant AND purchase_id = :purchase AND cancelled_at IS NULL""")
                .param("tenant", tenant.value()).param("purchase", purchase)
                .query((rs, n) -> new Completion(rs.getObject("id", UUID.class),
                        rs.getObject("challenge_id", UUID.class), new MemberId(rs.getObject("member_id", UUID.class)),
                        rs.getObject("purchase_id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getLong("points"), rs.getObject("coupon_id", UUID.class), rs.getString("coupon_code"),
                        rs.getString("badge"), rs.getBoolean("surprise"))).list();
    }

    void cancel(TenantId tenant, UUID completion, Instant now) {
        jdbc.sql("UPDATE challenge_completion SET cancelled_at = :now WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", completion).param("now", Timestamp.from(now)).update();
    }

    /**
     * The surprises of a challenge given in [from, to), counted under the challenge's row lock, so
     * that two members' purchases at once do not both take the month's last one.
     */
    int surprisesLocked(TenantId tenant, UUID challenge, Instant from, Instant to) {
        jdbc.sql("SELECT 1 FROM challenge WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenant.value()).param("id", challenge).query(Integer.class).optional();
        return jdbc.sql("""
                SELECT count(*)::int FROM challenge_completion
                 WHERE tenant_id = :tenant AND challenge_id = :challenge AND surprise AND cancelled_at IS NULL
                   AND occurred_at >= :from AND occurred_at < :to""")
                .param("tenant", tenant.value()).param("challenge", challenge).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).query(Integer.class).single();
    }
}
