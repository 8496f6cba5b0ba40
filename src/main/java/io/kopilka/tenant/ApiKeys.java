package io.kopilka.tenant;

import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keys that tills, shops and admins use to call the API. */
public interface ApiKeys {

    /**
     * Creates a key in {@code by}'s tenant and publishes {@link ApiKeyIssued}; the returned text is
     * shown once, only its hash is kept.
     */
    Issued issue(Caller by, String name, Role role, String storeCode);

    /** Up to {@code limit} keys, oldest first, after the key created at {@code after} (null: from the first). */
    List<ApiKey> page(TenantId tenant, Instant afterCreatedAt, UUID afterId, int limit);

    /** One key of the tenant, revoked or not (for a screen that asks before revoking it). */
    Optional<ApiKey> find(TenantId tenant, UUID id);

    /**
     * Revokes a key of {@code by}'s tenant; it stops working at once on this instance. Publishes
     * {@link ApiKeyRevoked} unless it already was revoked.
     */
    void revoke(Caller by, UUID id);

    Optional<Caller> authenticate(String key);

    record Issued(ApiKey key, String secret) {
    }
}
