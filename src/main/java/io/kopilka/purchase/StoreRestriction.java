package io.kopilka.purchase;

import io.kopilka.shared.error.ApiProblem;

/**
 * A pos key issued for one store works that store's till only: it records, quotes and returns that
 * store's purchases. A key without a store (an admin's, a web shop's) may act for any store.
 */
public final class StoreRestriction {
    private StoreRestriction() {
    }

    /**
     * Refuses with 403 {@code store_not_allowed} when the key is bound to a store other than
     * {@code store}; {@code keyStore} null means the key is bound to none.
     */
    public static void check(String keyStore, String store, String action) {
        if (keyStore != null && store != null && !keyStore.equals(store)) {
            throw new ApiProblem(403, "store_not_allowed", "This key belongs to store '" + keyStore
                    + "' and may not " + action + " for store '" + store + "'");
        }
    }
}
