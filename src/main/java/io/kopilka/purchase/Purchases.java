package io.kopilka.purchase;

import io.kopilka.shared.Outcome;
import io.kopilka.shared.PurchaseId;
import io.kopilka.tenant.Caller;

/**
 * Purchases and returns: the till's side of the program. The API and the screens call the same
 * methods with the caller they act for; a caller bound to one store (a till's key or account) works
 * that store only, and is refused with 403 {@code store_not_allowed} for another's.
 */
public interface Purchases {

    /** Prices the purchase as {@link #commit} would, and writes nothing. */
    Receipt quote(Caller caller, PurchaseOrder order);

    /**
     * Records the purchase once per externalId, and once per {@code idempotencyKey} when one is sent
     * (null: none); a replay of either returns the first answer.
     */
    Outcome<Receipt> commit(Caller caller, PurchaseOrder order, String idempotencyKey);

    /**
     * Records a return once per externalId, and once per {@code idempotencyKey} when one is sent
     * (null: none). 404 for a purchase the caller's tenant does not have.
     */
    Outcome<ReturnReceipt> returnGoods(Caller caller, PurchaseId purchase, ReturnOrder order, String idempotencyKey);
}
