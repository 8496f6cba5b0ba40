package io.kopilka.purchase;

import io.kopilka.shared.Outcome;
import io.kopilka.shared.TenantId;
import java.util.UUID;

/** Purchases and returns: the till's side of the program. */
public interface Purchases {

    /** Prices the purchase as {@link #commit} would, and writes nothing. */
    Receipt quote(TenantId tenant, PurchaseOrder order);

    /**
     * Records the purchase once per externalId, and once per {@code idempotencyKey} when one is sent
     * (null: none); a replay of either returns the first answer.
     */
    Outcome<Receipt> commit(TenantId tenant, PurchaseOrder order, String idempotencyKey);

    /** {@link #commit(TenantId, PurchaseOrder, String)}, idempotent by the externalId alone. */
    default Outcome<Receipt> commit(TenantId tenant, PurchaseOrder order) {
        return commit(tenant, order, null);
    }

    /**
     * Records a return once per externalId, and once per {@code idempotencyKey} when one is sent
     * (null: none). A key issued for one store ({@code keyStore} not null) may return only that
     * store's purchases: another store's is 403 {@code store_not_allowed}.
     */
    Outcome<ReturnReceipt> returnGoods(TenantId tenant, UUID purchaseId, ReturnOrder order, String keyStore,
                                       String idempotencyKey);
}
