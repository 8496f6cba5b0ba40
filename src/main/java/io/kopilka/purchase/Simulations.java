package io.kopilka.purchase;

import io.kopilka.rules.Rule;
import io.kopilka.shared.TenantId;
import java.util.List;

/** Draft rules run beside the live ones, writing nothing. */
public interface Simulations {
    int MAX_PURCHASES = 10_000;

    Simulation onePurchase(TenantId tenant, List<Rule> drafts, PurchaseOrder purchase);

    Simulation history(TenantId tenant, List<Rule> drafts, int lastPurchases);
}
