package io.kopilka.tenant;

import io.kopilka.shared.TenantId;
import java.util.UUID;

/**
 * Who is calling: the tenant and role of the API key that authenticated the request, or of the
 * staff member signed in to a screen.
 *
 * @param keyId   the API key's id; null for the system and for a staff member
 * @param keyName the key's name as its owner gave it ("till 1"), or the staff member's name, for audit
 *                trails; null for the system
 * @param staffId the staff member signed in to a screen; null for a key and the system
 */
public record Caller(TenantId tenant, Role role, UUID keyId, String storeCode, String keyName, UUID staffId) {

    public Caller(TenantId tenant, Role role, UUID keyId, String storeCode, String keyName) {
        this(tenant, role, keyId, storeCode, keyName, null);
    }

    /**
     * The program itself acting as the tenant's owner, for what no person or key does (the demo's
     * seed): the tenant's admin rights, every store, and no key ({@link #actor()} says "system").
     */
    public static Caller system(TenantId tenant) {
        return new Caller(tenant, Role.ADMIN, null, null, null, null);
    }

    /** A staff member signed in to a screen, with the rights of the role's API keys. */
    public static Caller staff(TenantId tenant, StaffRole role, UUID staffId, String name, String storeCode) {
        return new Caller(tenant, role.keyRole(), null, storeCode, name, staffId);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Who did it, for audit trails: "key:&lt;id&gt;", "staff:&lt;id&gt;" or "system". */
    public String actor() {
        if (staffId != null) {
            return "staff:" + staffId;
        }
        return keyId == null ? "system" : "key:" + keyId;
    }

    /** The audit log's kind of actor: "api_key", "staff" or "system". */
    public String actorType() {
        if (staffId != null) {
            return "staff";
        }
        return keyId == null ? "system" : "api_key";
    }

    /** The actor's id as the audit log keeps it; null for the system. */
    public String actorId() {
        if (staffId != null) {
            return staffId.toString();
        }
        return keyId == null ? null : keyId.toString();
    }
}
