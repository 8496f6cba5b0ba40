package io.kopilka.web.till.offline;

import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A purchase the till's browser kept while the network was down, as till-offline.js sends it:
 * the check form's {@code externalId} (made by the server when it drew the form), the member's card,
 * the check's total, when the cashier took it and at which store the page was. {@code redeemPoints} and
 * {@code couponCodes} are read only to refuse them: spending points and coupons needs the server at the
 * moment of the sale.
 *
 * @param storeCode the store the till's page was drawn for; null from an older page
 */
record OfflinePurchase(String externalId, String card, BigDecimal amount, OffsetDateTime createdAt,
                       String storeCode, Long redeemPoints, List<String> couponCodes) {
    /**
     * The one line of a check typed as a total. The till's own form should record an amount-only check
     * the same way, so that the two look alike in reports and rules' item filters.
     */
    static final String CHECK_SKU = "CHECK";

    boolean spendsSomething() {
        return (redeemPoints != null && redeemPoints != 0) || (couponCodes != null && !couponCodes.isEmpty());
    }

    /**
     * The order to record at this store, or the refusal (422) of what a kept purchase may not be.
     * The facade checks the rest as for any purchase (externalId, the card, the amount's decimals, how
     * far back it may be).
     */
    PurchaseOrder order(String store, Instant now) {
        if (spendsSomething()) {
            throw ApiProblem.unprocessable("needs_network", "Points and coupons are spent at the moment of the "
                    + "sale, with the server: a purchase kept offline may only earn");
        }
        if (card == null || card.isBlank()) {
            throw ApiProblem.invalid("card", "The member's card number is required");
        }
        if (amount == null || amount.signum() <= 0) {
            throw ApiProblem.invalid("amount", "The check's total is required, above 0");
        }
        if (store == null) {
            throw ApiProblem.unprocessable("no_home_store", "This account works at several stores or none: "
                    + "an offline purchase needs the one store the account is fixed to");
        }
        if (storeCode != null && !storeCode.equals(store)) {
            // The queue outlives a sign-out: another store's cashier signing in on this device must not
            // record the sales of the store where they were taken as their own store's.
            throw ApiProblem.unprocessable("other_store", "This purchase was kept at store " + storeCode
                    + "; this account records at " + store);
        }
        // occurredAt is when the cashier took the check, so it counts on that day. A device whose clock runs
        // ahead would have every kept purchase refused as "in the future": those count as now (null, the
        // same request each time it is sent, so a resend is still a replay).
        OffsetDateTime at = createdAt != null && createdAt.toInstant().isAfter(now) ? null : createdAt;
        return new PurchaseOrder(externalId, store, null, at, new PurchaseOrder.MemberReference(null, null, card.strip()),
                List.of(new PurchaseOrder.Item(CHECK_SKU, null, null, BigDecimal.ONE, amount)), null, null);
    }
}
