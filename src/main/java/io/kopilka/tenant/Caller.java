package io.kopilka.tenant;

import io.kopilka.shared.TenantId;
import java.util.UUID;

/**
 * Who is calling: the tenant and role of the API key that authenticated the request.
 *
 * @param keyName the key's name as its owner gave it ("till 1"), for audit trails; null for the system
 */
public record Caller(TenantId tenant, Role role, UUID keyId, String storeCode, String keyName) {

    /**
     * The program itself acting as the tenant's owner, for what no person or key does (the demo's
     * seed): the tenant's admin rights, every store, and no key ({@link #actor()} says "system").
     */
    public static Caller system(TenantId tenant) {
        return new Caller(tenant, Role.ADMIN, null, null, null);
    }
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Who did it, for audit trails: the key's id, or "system". */
    public String actor() {
        return keyId == null ? "system" : "key:" + keyId;
    }
}
