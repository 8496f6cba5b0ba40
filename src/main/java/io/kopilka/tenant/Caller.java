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
 * @param memberId the member acting on their own account in the wallet; null for everyone else
 */
public record Caller(TenantId tenant, Role role, UUID keyId, String storeCode, String keyName, UUID staffId,
                     UUID memberId) {

    public Caller(TenantId tenant, Role role, UUID keyId, String storeCode, String keyName, UUID staffId) {
        this(tenant, role, keyId, storeCode, keyName, staffId, null);
    }

    public Caller(TenantId tenant, Role role, UUID keyId, String storeCode, String keyName) {
        this(tenant, role, keyId, storeCode, keyName, null, null);
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

    /**
     * A member in their own wallet (an exchange, a donation): a till's rights over their own account, no
     * store, and no name in audit trails (the member's id says who, and a name would be personal data there).
     */
    public static Caller member(TenantId tenant, UUID memberId) {
        return new Caller(tenant, Role.POS, null, null, null, null, memberId);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Who did it, for audit trails: "key:&lt;id&gt;", "staff:&lt;id&gt;", "member:&lt;id&gt;" or "system". */
    public String actor() {
        if (staffId != null) {
            return "staff:" + staffId;
        }
        if (memberId != null) {
            return "member:" + memberId;
        }
        return keyId == null ? "system" : "key:" + keyId;
    }

    /** The audit log's kind of actor: "api_key", "staff", "member" or "system". */
    public String actorType() {
        if (staffId != null) {
            return "staff";
        }
        if (memberId != null) {
            return "member";
        }
        return keyId == null ? "system" : "api_key";
    }

    /** The actor's id as the audit log keeps it; null for the system. */
    public String actorId() {
        if (staffId != null) {
            return staffId.toString();
        }
        if (memberId != null) {
            return memberId.toString();
        }
        return keyId == null ? null : keyId.toString();
    }
}
