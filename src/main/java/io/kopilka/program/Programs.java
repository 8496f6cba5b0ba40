package io.kopilka.program;

import io.kopilka.shared.TenantId;

/** Each tenant's program settings; a tenant that never set them has {@link Program#defaults()}. */
public interface Programs {
    Program of(TenantId tenant);

    /** Validates and replaces the settings; the version goes up by one. */
    Program replace(TenantId tenant, Program settings);
}
