package io.kopilka.tenant.internal;

import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffAccounts;
import io.kopilka.tenant.StaffAccounts.SignIn;
import io.kopilka.tenant.StaffChanged;
import io.kopilka.tenant.StaffMember;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passwords: checking one at sign-in, with the lock-out, and setting one through a one-time link.
 * An unknown e-mail, a deactivated account and one without a password get the same answer as a wrong
 * password, after the same slow hash, so the form tells nobody which e-mails have accounts.
 */
@Component
class StaffSignIn {
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** A hash to check against when there is none, so that every refusal costs the same time. */
    private final String decoy;

    StaffSignIn(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.decoy = passwords.encode(StaffTokens.next());
    }

    @Transactional
    public SignIn check(String rawEmail, String password) {
        String email = rawEmail == null ? "" : rawEmail.strip().toLowerCase(Locale.ROOT);
        String given = password == null ? "" : password;
        Optional<Account> found = jdbc.sql("""
                SELECT tenant_id, id, password_hash, failed_attempts, locked_until, deactivated_at
                FROM staff WHERE email = :email FOR UPDATE""")
                .param("email", email)
                .query((rs, i) -> new Account(new TenantId(rs.getObject("tenant_id", UUID.class)),
                        rs.getObject("id", UUID.class), rs.getString("password_hash"), rs.getInt("failed_attempts"),
                        instant(rs.getTimestamp("locked_until")), rs.getTimestamp("deactivated_at") != null))
                .optional();
        Instant now = Now.of(clock);
        if (found.isEmpty() || found.get().hash() == null || found.get().deactivated()) {
            passwords.matches(given, decoy);
            return new SignIn.Refused();
        }
        Account account = found.get();
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            return new SignIn.Locked(account.lockedUntil());
        }
        if (!passwords.matches(given, account.hash())) {
            int failed = account.failed() + 1;
            boolean lock = failed >= StaffAccounts.LOCK_AFTER;
            Instant until = now.plus(StaffAccounts.LOCK_FOR);
            jdbc.sql("""
                    UPDATE staff SET failed_attempts = :failed, locked_until = :until
                    WHERE tenant_id = :tenant AND id = :id""")
                    .param("failed", lock ? 0 : failed).param("until", lock ? Timestamp.from(until) : null)
                    .param("tenant", account.tenant().value()).param("id", account.id()).update();
            return lock ? new SignIn.Locked(until) : new SignIn.Refused();
        }
        int epoch = jdbc.sql("""
                UPDATE staff SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = :now
                WHERE tenant_id = :tenant AND id = :id RETURNING session_epoch""")
                .param("now", Timestamp.from(now)).param("tenant", account.tenant().value()).param("id", account.id())
                .query(Integer.class).single();
        StaffMember staff = jdbc.sql("SELECT " + StaffRows.COLUMNS + " FROM staff WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", account.tenant().value()).param("id", account.id()).query(StaffRows::row).single()
                .staff();
        return new SignIn.Accepted(staff, epoch);
    }

    Optional<StaffMember> linkHolder(String token) {
        return usableLink(token, false).map(LinkRow::staff);
    }

    StaffMember setPassword(String token, String password) {
        LinkRow link = usableLink(token, true).orElseThrow(() -> new ApiProblem(404, "link_not_usable",
                "This link has been used or has expired: ask the owner for a new one"));
        StaffMember staff = link.staff();
        PasswordRules.problem(password, staff.email()).ifPresent(problem -> {
            throw ApiProblem.invalid("password", "password." + problem);
        });
        Instant now = Now.of(clock);
        jdbc.sql("""
                UPDATE staff SET password_hash = :hash, session_epoch = session_epoch + 1, failed_attempts = 0,
                       locked_until = NULL
                WHERE tenant_id = :tenant AND id = :id""")
                .param("hash", passwords.encode(password)).param("tenant", staff.tenant().value())
                .param("id", staff.id()).update();
        // Every link of the account is spent: an older invitation must not set the password again.
        jdbc.sql("UPDATE staff_token SET used_at = :now WHERE tenant_id = :tenant AND staff_id = :id AND used_at IS NULL")
                .param("now", Timestamp.from(now)).param("tenant", staff.tenant().value()).param("id", staff.id())
                .update();
        StaffMember after = jdbc.sql("SELECT " + StaffRows.COLUMNS + " FROM staff WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", staff.tenant().value()).param("id", staff.id()).query(StaffRows::row).single().staff();
        events.publishEvent(new StaffChanged(after.caller(), "staff.password_set", staff, after));
        return after;
    }

    private Optional<LinkRow> usableLink(String token, boolean lock) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT s.tenant_id, s.id, s.email, s.name, s.role, s.stores, s.language,
                       s.password_hash IS NOT NULL AS password_set, s.session_epoch, s.created_at, s.last_sign_in_at,
                       s.locked_until, s.deactivated_at
                FROM staff_token t JOIN staff s ON s.tenant_id = t.tenant_id AND s.id = t.staff_id
                WHERE t.token_hash = :hash AND t.used_at IS NULL AND t.expires_at > :now AND s.deactivated_at IS NULL"""
                        + (lock ? " FOR UPDATE OF t, s" : ""))
                .param("hash", StaffTokens.hash(token)).param("now", Timestamp.from(Now.of(clock)))
                .query((rs, i) -> new LinkRow(StaffRows.row(rs, i).staff())).optional();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private record Account(TenantId tenant, UUID id, String hash, int failed, Instant lockedUntil, boolean deactivated) {
    }

    private record LinkRow(StaffMember staff) {
    }
}
