package io.kopilka.tenant;

import io.kopilka.shared.TenantId;
import java.util.List;
import java.util.Optional;

/** The stores of a tenant. */
public interface Stores {
    /** Opens a store in {@code by}'s tenant and publishes {@link StoreCreated}. */
    Store create(Caller by, String code, String name);

    /** Up to {@code limit} stores in code order, after {@code afterCode} (null: from the first). */
    List<Store> page(TenantId tenant, String afterCode, int limit);

    Optional<Store> byCode(TenantId tenant, String code);
}
