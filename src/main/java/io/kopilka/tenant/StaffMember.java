package io.kopilka.tenant;

import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person who signs in to the screens.
 *
 * @param stores       the stores they work at; empty: every store (a cashier is given one)
 * @param language     the screens' language they chose; null: the tenant's
 * @param passwordSet  false until they followed their invitation
 * @param lockedUntil  after too many wrong passwords, sign-in is refused until then; null when not locked
 */
public record StaffMember(TenantId tenant, UUID id, String email, String name, StaffRole role, List<String> stores,
                          Language language, boolean passwordSet, Instant createdAt, Instant lastSignInAt,
                          Instant lockedUntil, Instant deactivatedAt) {

    public boolean active() {
        return deactivatedAt == null;
    }

    /** The store a cashier's sales are recorded at: their one store; null when they may work at any. */
    public String homeStore() {
        return stores.size() == 1 ? stores.getFirst() : null;
    }

    public Caller caller() {
        return Caller.staff(tenant, role, id, name, homeStore());
    }
}
