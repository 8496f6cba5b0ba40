package io.kopilka.tenant;

import io.kopilka.shared.TenantId;
import java.util.List;
import java.util.Optional;

/** The stores of a tenant. */
public interface Stores {
    Store create(TenantId tenant, String code, String name);

    List<Store> all(TenantId tenant);

    Optional<Store> byCode(TenantId tenant, String code);
}
