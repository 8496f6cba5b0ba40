package io.kopilka.tenant.internal;

import io.kopilka.shared.Ids;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.StaffAccounts;
import io.kopilka.tenant.StaffChanged;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.StaffRole;
import io.kopilka.tenant.Stores;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts in tables {@code staff} and {@code staff_token}; sign-in is {@link StaffSignIn}'s. */
@Component
class JdbcStaffAccounts implements StaffAccounts {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private final JdbcClient jdbc;
    private final StaffRows rows;
    private final StaffSignIn signIn;
    private final Stores stores;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JdbcStaffAccounts(JdbcClient jdbc, StaffRows rows, StaffSignIn signIn, Stores stores,
                      ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.signIn = signIn;
        this.stores = stores;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Link invite(Caller by, NewStaff staff) {
        String email = staff.email() == null ? "" : staff.email().strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            throw ApiProblem.invalid("email", "must be an e-mail address");
        }
        String name = checkedName(staff.name());
        if (staff.role() == null) {
            throw ApiProblem.invalid("role", "must be owner, manager or cashier");
        }
        List<String> storeCodes = checkedStores(by.tenant(), staff.role(), staff.stores());
        if (rows.emailTaken(email)) {
            throw ApiProblem.conflict("email_taken", "A staff account with this e-mail already exists");
        }
        UUID id = Ids.next();
        Instant now = Now.of(clock);
        jdbc.sql("""
                INSERT INTO staff (tenant_id, id, email, name, role, stores, language, created_at)
                VALUES (:tenant, :id, :email, :name, :role, :stores, :language, :now)""")
                .param("tenant", by.tenant().value()).param("id", id).param("email", email).param("name", name)
                .param("role", staff.role().code()).param("stores", storeCodes.toArray(String[]::new))
                .param("language", staff.language() == null ? null : staff.language().tag())
                .param("now", Timestamp.from(now)).update();
        StaffMember created = rows.byId(by.tenant(), id, false).orElseThrow().staff();
        events.publishEvent(new StaffChanged(by, "staff.invited", null, created));
        return link(created, "invitation", now);
    }

    @Override
    public Optional<StaffMember> find(TenantId tenant, UUID id) {
        return rows.byId(tenant, id, false).map(StaffRows.Row::staff);
    }

    @Override
    public List<StaffMember> list(TenantId tenant) {
        return rows.all(tenant);
    }

    @Override
    @Transactional
    public StaffMember update(Caller by, UUID id, StaffChange change) {
        StaffMember before = locked(by.tenant(), id);
        StaffRole role = change.role() == null ? before.role() : change.role();
        String name = change.name() == null ? before.name() : checkedName(change.name());
        List<String> storeCodes = change.stores() == null && role == before.role() ? before.stores()
                : checkedStores(by.tenant(), role, change.stores() == null ? before.stores() : change.stores());
        Language language = change.language() == null ? before.language() : change.language();
        if (before.role() == StaffRole.OWNER && role != StaffRole.OWNER) {
            keepAnOwner(by.tenant(), id);
        }
        // A changed role or set of stores changes what the sessions may do: they end, and sign in again.
        boolean rightsChanged = role != before.role() || !storeCodes.equals(before.stores());
        jdbc.sql("""
                UPDATE staff SET name = :name, role = :role, stores = :stores, language = :language,
                       session_epoch = session_epoch + CASE WHEN :rightsChanged THEN 1 ELSE 0 END
                WHERE tenant_id = :tenant AND id = :id""")
                .param("name", name).param("role", role.code()).param("stores", storeCodes.toArray(String[]::new))
                .param("language", language == null ? null : language.tag()).param("rightsChanged", rightsChanged)
                .param("tenant", by.tenant().value()).param("id", id).update();
        StaffMember after = find(by.tenant(), id).orElseThrow();
        events.publishEvent(new StaffChanged(by, "staff.updated", before, after));
        return after;
    }

    @Override
    @Transactional
    public StaffMember deactivate(Caller by, UUID id) {
        StaffMember before = locked(by.tenant(), id);
        if (!before.active()) {
            return before;
        }
        if (before.role() == StaffRole.OWNER) {
            keepAnOwner(by.tenant(), id);
        }
        jdbc.sql("""
                UPDATE staff SET deactivated_at = :now, session_epoch = session_epoch + 1
                WHERE tenant_id = :tenant AND id = :id""")
                .param("now", Timestamp.from(Now.of(clock))).param("tenant", by.tenant().value()).param("id", id)
                .update();
        jdbc.sql("UPDATE staff_token SET used_at = :now WHERE tenant_id = :tenant AND staff_id = :id AND used_at IS NULL")
                .param("now", Timestamp.from(Now.of(clock))).param("tenant", by.tenant().value()).param("id", id)
                .update();
        StaffMember after = find(by.tenant(), id).orElseThrow();
        events.publishEvent(new StaffChanged(by, "staff.deactivated", before, after));
        return after;
    }

    @Override
    @Transactional
    public Link resetLink(Caller by, UUID id) {
        StaffMember staff = locked(by.tenant(), id);
        if (!staff.active()) {
            throw ApiProblem.conflict("staff_deactivated", "This staff account is deactivated");
        }
        events.publishEvent(new StaffChanged(by, "staff.password_link_issued", staff, staff));
        return link(staff, staff.passwordSet() ? "reset" : "invitation", Now.of(clock));
    }

    @Override
    public Optional<StaffMember> linkHolder(String token) {
        return signIn.linkHolder(token);
    }

    @Override
    @Transactional
    public StaffMember setPassword(String token, String password) {
        return signIn.setPassword(token, password);
    }

    @Override
    public SignIn signIn(String email, String password) {
        return signIn.check(email, password);
    }

    @Override
    @Transactional
    public void signOutEverywhere(TenantId tenant, UUID id) {
        StaffMember staff = locked(tenant, id);
        jdbc.sql("UPDATE staff SET session_epoch = session_epoch + 1 WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).update();
        events.publishEvent(new StaffChanged(staff.caller(), "staff.signed_out_everywhere", staff, staff));
    }

    @Override
    public Optional<Session> session(TenantId tenant, UUID id) {
        return rows.byId(tenant, id, false).map(r -> new Session(r.staff(), r.epoch()));
    }

    @Override
    public void chooseLanguage(TenantId tenant, UUID id, Language language) {
        jdbc.sql("UPDATE staff SET language = :language WHERE tenant_id = :tenant AND id = :id")
                .param("language", language.tag()).param("tenant", tenant.value()).param("id", id).update();
    }

    private Link link(StaffMember staff, String purpose, Instant now) {
        String token = StaffTokens.next();
        Instant expires = now.plus(LINK_VALIDITY);
        jdbc.sql("""
                INSERT INTO staff_token (tenant_id, token_hash, staff_id, purpose, created_at, expires_at)
                VALUES (:tenant, :hash, :staff, :purpose, :now, :expires)""")
                .param("tenant", staff.tenant().value()).param("hash", StaffTokens.hash(token))
                .param("staff", staff.id()).param("purpose", purpose).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires)).update();
        return new Link(staff, token, expires);
    }

    private StaffMember locked(TenantId tenant, UUID id) {
        return rows.byId(tenant, id, true).map(StaffRows.Row::staff)
                .orElseThrow(() -> ApiProblem.notFound("Staff member"));
    }

    private void keepAnOwner(TenantId tenant, UUID leaving) {
        long others = jdbc.sql("""
                SELECT count(*) FROM staff WHERE tenant_id = :tenant AND role = 'owner' AND deactivated_at IS NULL
                  AND id <> :id""")
                .param("tenant", tenant.value()).param("id", leaving).query(Long.class).single();
        if (others == 0) {
            throw ApiProblem.conflict("last_owner", "The business must keep an active owner: make someone else "
                    + "an owner first");
        }
    }

    private static String checkedName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw ApiProblem.invalid("name", "must be 1 to 200 characters");
        }
        return name;
    }

    private List<String> checkedStores(TenantId tenant, StaffRole role, List<String> codes) {
        List<String> list = codes == null ? List.of() : codes.stream().distinct().toList();
        for (String code : list) {
            if (code == null || stores.byCode(tenant, code).isEmpty()) {
                throw ApiProblem.invalid("stores", "no store '" + code + "'");
            }
        }
        // The till records every sale at one store, and the account says which.
        if (role == StaffRole.CASHIER && list.size() != 1) {
            throw ApiProblem.invalid("stores", "a cashier works at exactly one store");
        }
        return list;
    }
}
