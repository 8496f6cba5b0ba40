package io.kopilka.tenant;

import io.kopilka.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff accounts: invitations, passwords, sign-in with a lock-out, and sessions that end everywhere
 * at once. Only an owner (or an admin key) manages them; every change is in the audit log.
 */
public interface StaffAccounts {
    /** How long an invitation or a reset link can be used. */
    Duration LINK_VALIDITY = Duration.ofDays(3);
    /** Wrong passwords in a row that lock an account, and for how long. */
    int LOCK_AFTER = 5;
    Duration LOCK_FOR = Duration.ofMinutes(15);

    /** A new account without a password, and the one-time link that sets it (shown once). */
    Link invite(Caller by, NewStaff staff);

    Optional<StaffMember> find(TenantId tenant, UUID id);

    /** The tenant's staff, by name; deactivated ones last. */
    List<StaffMember> list(TenantId tenant);

    StaffMember update(Caller by, UUID id, StaffChange change);

    /** Deactivates the account: its sessions end and it can no longer sign in. Idempotent. */
    StaffMember deactivate(Caller by, UUID id);

    /** A new one-time link that sets a new password (the old one keeps working until it is used). */
    Link resetLink(Caller by, UUID id);

    /** Who the link is for, while it can still be used. */
    Optional<StaffMember> linkHolder(String token);

    /**
     * Sets the password through a link and uses the link up; every session of the account ends.
     *
     * @throws io.kopilka.shared.error.ApiProblem 404 for a used, expired or unknown link, 422 for a weak password
     */
    StaffMember setPassword(String token, String password);

    /** Checks an e-mail and a password; counts wrong ones and locks the account after {@link #LOCK_AFTER}. */
    SignIn signIn(String email, String password);

    /** Ends every session of the account, on every instance. */
    void signOutEverywhere(TenantId tenant, UUID id);

    /** The account's session number: a session made under another number has ended. */
    Optional<Session> session(TenantId tenant, UUID id);

    /** The screens' language a staff member picked, remembered for the next sign-in. */
    void chooseLanguage(TenantId tenant, UUID id, Language language);

    record NewStaff(String email, String name, StaffRole role, List<String> stores, Language language) {
    }

    /** What to change; a null field stays as it is. */
    record StaffChange(String name, StaffRole role, List<String> stores, Language language) {
    }

    /** A one-time link's token (the path is the screens'), and until when it works. */
    record Link(StaffMember staff, String token, Instant expiresAt) {
    }

    /** An account's current state for a session check. */
    record Session(StaffMember staff, int epoch) {
    }

    sealed interface SignIn {
        record Accepted(StaffMember staff, int epoch) implements SignIn {
        }

        /** Wrong e-mail or password, or an account without a password yet: the same answer to all. */
        record Refused() implements SignIn {
        }

        record Locked(Instant until) implements SignIn {
        }
    }
}
