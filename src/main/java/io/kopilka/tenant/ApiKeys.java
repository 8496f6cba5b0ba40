package io.kopilka.tenant;

import io.kopilka.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keys that tills, shops and admins use to call the API. */
public interface ApiKeys {

    /** Creates a key; the returned text is shown once, only its hash is kept. */
    Issued issue(TenantId tenant, String name, Role role, String storeCode);

    List<ApiKey> all(TenantId tenant);

    /** Revokes a key; it stops working at once on this instance. */
    void revoke(TenantId tenant, UUID id);

    Optional<Caller> authenticate(String key);

    record Issued(ApiKey key, String secret) {
    }
}
