package io.kopilka.web.wallet;

import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import org.springframework.stereotype.Component;

/** The business a wallet address names by its slug; {@link WalletNotFound} for a slug nobody has. */
@Component
public class WalletBusinesses {
    private final Tenants tenants;

    WalletBusinesses(Tenants tenants) {
        this.tenants = tenants;
    }

    public Tenant bySlug(String slug) {
        return tenants.bySlug(slug).orElseThrow(WalletNotFound::new);
    }
}
