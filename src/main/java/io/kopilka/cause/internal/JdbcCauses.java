package io.kopilka.cause.internal;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.cause.Cause;
import io.kopilka.cause.CauseDraft;
import io.kopilka.cause.CauseTexts;
import io.kopilka.cause.CauseTotals;
import io.kopilka.cause.Causes;
import io.kopilka.cause.Donation;
import io.kopilka.ledger.Debit;
import io.kopilka.ledger.Ledger;
import io.kopilka.ledger.LockedAccount;
import io.kopilka.member.Member;
import io.kopilka.shared.Ids;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Causes in table {@code cause}, donations in {@code cause_contribution}. */
@Service
class JdbcCauses implements Causes {
    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final AuditLog audit;

    JdbcCauses(JdbcClient jdbc, Ledger ledger, AuditLog audit) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.audit = audit;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Cause create(Caller caller, CauseDraft draft, Instant now) {
        UUID id = Ids.next();
        jdbc.sql("""
                INSERT INTO cause (tenant_id, id, name, names, description, unit, unit_forms, verb, points_per_unit,
                                   goal_units, active, created_at, updated_at)
                VALUES (:tenant, :id, :name, CAST(:names AS jsonb), :description, CAST(:unit AS jsonb),
                        CAST(:forms AS jsonb), CAST(:verb AS jsonb), :ppu, :goal, :active, :now, :now)""")
                .param("tenant", caller.tenant().value()).param("id", id).params(fields(draft))
                .param("now", Timestamp.from(now)).update();
        Cause created = new Cause(id, draft, 0, 0, now, now);
        audit.record(caller, Change.created("cause", id.toString(), AuditView.of(created)));
        return created;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Cause replace(Caller caller, UUID id, CauseDraft draft, Instant now) {
        Cause before = locked(caller.tenant(), id);
        jdbc.sql("""
                UPDATE cause SET name = :name, names = CAST(:names AS jsonb), description = :description,
                                 unit = CAST(:unit AS jsonb), unit_forms = CAST(:forms AS jsonb),
                                 verb = CAST(:verb AS jsonb), points_per_unit = :ppu, goal_units = :goal,
                                 active = :active, updated_at = :now
                WHERE tenant_id = :tenant AND id = :id""")
                .param("tenant", caller.tenant().value()).param("id", id).params(fields(draft))
                .param("now", Timestamp.from(now)).update();
        Cause after = new Cause(id, draft, before.totalPoints(), before.donors(), before.createdAt(), now);
        audit.record(caller, Change.updated("cause", id.toString(), AuditView.of(before), AuditView.of(after)));
        return after;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void deactivate(Caller caller, UUID id, Instant now) {
        Cause before = locked(caller.tenant(), id);
        jdbc.sql("UPDATE cause SET active = false, updated_at = :now WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", caller.tenant().value()).param("id", id).param("now", Timestamp.from(now)).update();
        CauseDraft d = before.draft();
        Cause after = new Cause(id, new CauseDraft(d.names(), d.description(), d.unit(), d.verb(), d.pointsPerUnit(),
                d.goalUnits(), false), before.totalPoints(), before.donors(), before.createdAt(), now);
        audit.record(caller, new Change("cause.deactivated", "cause", id.toString(), AuditView.of(before),
                AuditView.of(after), null));
    }

    @Override
    public Optional<Cause> byId(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT " + CauseRows.COLUMNS + " FROM cause WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).query(CauseRows.CAUSE).optional();
    }

    @Override
    public List<Cause> page(TenantId tenant, boolean activeOnly, UUID after, int limit) {
        return jdbc.sql("SELECT " + CauseRows.COLUMNS + """
                 FROM cause
                WHERE tenant_id = :tenant AND (NOT :activeOnly OR active)
                  AND (CAST(:after AS uuid) IS NULL OR id > CAST(:after AS uuid))
                ORDER BY id LIMIT :limit""")
                .param("tenant", tenant.value()).param("activeOnly", activeOnly).param("after", after)
                .param("limit", limit).query(CauseRows.CAUSE).list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Donation donate(Caller caller, Member member, UUID causeId, long points, Instant now) {
        TenantId tenant = caller.tenant();
        Cause cause = byId(tenant, causeId).orElseThrow(() -> ApiProblem.notFound("Cause"));
        if (member.erased()) {
            throw ApiProblem.conflict("member_erased", "An erased member cannot donate points");
        }
        if (!cause.draft().active()) {
            throw notActive();
        }
        LockedAccount locked = ledger.lock(tenant, member.id(), now);
        locked = ledger.spend(tenant, locked, Debit.donation(points, CauseTexts.donated(cause.draft().names(), points),
                caller.actor()), now);
        UUID id = Ids.next();
        // Under the member's lock: the member's earlier donations are committed and seen here, so a
        // donor is counted once however many tills they donate from at once.
        Totals totals = jdbc.sql("""
                WITH given AS (
                    UPDATE cause SET total_points = total_points + :points,
                                     donors = donors + CASE WHEN EXISTS (
                                         SELECT 1 FROM cause_contribution
                                          WHERE tenant_id = :tenant AND cause_id = :cause AND member_id = :member
                                            AND source = 'donation') THEN 0 ELSE 1 END
                     WHERE tenant_id = :tenant AND id = :cause AND active
                    RETURNING tenant_id, id, total_points, donors),
                recorded AS (
                    INSERT INTO cause_contribution (tenant_id, id, cause_id, source, points, member_id, actor, at)
                    SELECT tenant_id, :id, id, 'donation', :points, :member, :actor, :now FROM given)
                SELECT total_points, donors FROM given""")
                .param("tenant", tenant.value()).param("cause", causeId).param("member", member.id().value())
                .param("points", points).param("id", id).param("actor", caller.actor())
                .param("now", Timestamp.from(now)).query(Totals.class).optional()
                .orElseThrow(JdbcCauses::notActive); // deactivated since it was read: the spend rolls back
        long before = totals.totalPoints() - points;
        Cause after = new Cause(causeId, cause.draft(), totals.totalPoints(), totals.donors(), cause.createdAt(),
                cause.updatedAt());
        audit.record(caller, new Change("points.donated", "points", member.id().toString(), null,
                donationAudit(id, causeId, points), null));
        return new Donation(id, causeId, points,
                CauseTotals.unitsCompleted(before, points, cause.draft().pointsPerUnit()),
                locked.account().available(), locked.account().pending(), after);
    }

    private record Totals(long totalPoints, long donors) {
    }

    private static Map<String, Object> donationAudit(UUID id, UUID cause, long points) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("donationId", id.toString());
        after.put("causeId", cause.toString());
        after.put("points", points);
        return after;
    }

    private static ApiProblem notActive() {
        return ApiProblem.unprocessable("cause_not_active", "This cause is not active: it takes no donations");
    }

    /** The cause, locked until the transaction ends, so that two edits do not interleave; 404 if unknown. */
    private Cause locked(TenantId tenant, UUID id) {
        return jdbc.sql("SELECT " + CauseRows.COLUMNS + " FROM cause WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenant.value()).param("id", id).query(CauseRows.CAUSE).optional()
                .orElseThrow(() -> ApiProblem.notFound("Cause"));
    }

    private static Map<String, Object> fields(CauseDraft d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", d.names().name());
        fields.put("names", CauseRows.json(d.names().names()));
        fields.put("description", d.description());
        fields.put("unit", CauseRows.json(d.unit().unit()));
        fields.put("forms", CauseRows.json(d.unit().forms()));
        fields.put("verb", CauseRows.json(d.verb()));
        fields.put("ppu", d.pointsPerUnit());
        fields.put("goal", d.goalUnits());
        fields.put("active", d.active());
        return fields;
    }
}
