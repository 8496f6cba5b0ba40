package io.kopilka.tenant;

import io.kopilka.shared.TenantId;
import java.util.UUID;

/** Who is calling: the tenant and role of the API key that authenticated the request. */
public record Caller(TenantId tenant, Role role, UUID keyId, String storeCode) {
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Who did it, for audit trails: the key's id. */
    public String actor() {
        return "key:" + keyId;
    }
}
