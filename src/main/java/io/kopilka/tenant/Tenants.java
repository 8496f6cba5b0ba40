package io.kopilka.tenant;

import io.kopilka.shared.TenantId;
import java.util.List;
import java.util.Optional;

/** Businesses on this installation. */
public interface Tenants {

    /** Creates a tenant with its first admin key; the key's text is returned once and never again. */
    Created create(NewTenant tenant);

    Optional<Tenant> byId(TenantId id);

    /** The oldest tenant with exactly this name (the demo finds its tenant this way). */
    Optional<Tenant> byName(String name);

    /** The tenant whose customer pages live at {@code /w/{slug}}; empty for a slug nobody has. */
    Optional<Tenant> bySlug(String slug);

    /** Every tenant's id, in id order: what a daily job of every tenant goes through. */
    List<TenantId> ids();

    /** Like {@link #byId} for a tenant the caller is known to belong to. */
    Tenant get(TenantId id);

    record NewTenant(String name, String currency, String timezone, String locale, String country) {
    }

    record Created(Tenant tenant, String adminApiKey) {
    }
}
