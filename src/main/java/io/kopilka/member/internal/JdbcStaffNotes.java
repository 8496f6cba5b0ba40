package io.kopilka.member.internal;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.member.MemberErased;
import io.kopilka.member.Members;
import io.kopilka.member.StaffNotes;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One row per member in {@code member_staff_note}; the member's row is locked while it is written. */
@Component
class JdbcStaffNotes implements StaffNotes {
    private final JdbcClient jdbc;
    private final Members members;
    private final AuditLog audit;

    JdbcStaffNotes(JdbcClient jdbc, Members members, AuditLog audit) {
        this.jdbc = jdbc;
        this.members = members;
        this.audit = audit;
    }

    @Override
    public Optional<StaffNote> of(TenantId tenant, MemberId member) {
        return jdbc.sql("""
                SELECT text, written_by, written_at FROM member_staff_note
                WHERE tenant_id = :tenant AND member_id = :member""")
                .param("tenant", tenant.value()).param("member", member.value())
                .query((rs, i) -> new StaffNote(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    @Override
    @Transactional
    public Optional<StaffNote> write(Caller caller, MemberId member, String text, Instant now) {
        TenantId tenant = caller.tenant();
        String kept = text == null ? "" : text.strip();
        if (kept.codePointCount(0, kept.length()) > MAX_LENGTH) {
            throw ApiProblem.invalid("text", "must be at most " + MAX_LENGTH + " characters");
        }
        // Locked so that an erasure running at the same time either comes first (409 here) or deletes this.
        if (members.lock(tenant, member).erased()) {
            throw ApiProblem.conflict("member_erased", "This member's personal data was erased");
        }
        Optional<StaffNote> before = of(tenant, member);
        if (kept.isEmpty()) {
            forget(tenant, member);
            before.ifPresent(b -> audit.record(caller, change(member, b, null)));
            return Optional.empty();
        }
        // The system caller (the demo's seed, an import) has no name of its own: the product's stands in.
        String by = caller.keyName() == null || caller.keyName().isBlank() ? "Kopilka" : caller.keyName();
        StaffNote note = new StaffNote(kept, by.length() > 200 ? by.substring(0, 200) : by, now);
        jdbc.sql("""
                INSERT INTO member_staff_note (tenant_id, member_id, text, written_by, written_at)
                VALUES (:tenant, :member, :text, :by, :at)
                ON CONFLICT (tenant_id, member_id)
                DO UPDATE SET text = EXCLUDED.text, written_by = EXCLUDED.written_by, written_at = EXCLUDED.written_at""")
                .param("tenant", tenant.value()).param("member", member.value()).param("text", note.text())
                .param("by", note.writtenBy()).param("at", Timestamp.from(now)).update();
        audit.record(caller, change(member, before.orElse(null), note));
        return Optional.of(note);
    }

    private static Change change(MemberId member, StaffNote before, StaffNote after) {
        return new Change("member.note_written", "member", member.toString(),
                before == null ? null : Map.of("text", before.text()), after == null ? null : Map.of("text", after.text()),
                null);
    }

    /** The note is personal data: it goes in the erasing transaction. */
    @EventListener
    void on(MemberErased erased) {
        forget(erased.tenant(), erased.member());
    }

    private void forget(TenantId tenant, MemberId member) {
        jdbc.sql("DELETE FROM member_staff_note WHERE tenant_id = :tenant AND member_id = :member")
                .param("tenant", tenant.value()).param("member", member.value()).update();
    }
}
