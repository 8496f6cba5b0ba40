package io.kopilka.web.till.offline;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A purchase the till's browser kept while the network was down, as till-offline.js sends it:
 * the check form's {@code externalId} (made by the server when it drew the form), the member's card,
 * the check's total and when the cashier took it. {@code redeemPoints} and {@code couponCodes} are
 * read only to refuse them: spending points and coupons needs the server at the moment of the sale.
 */
record OfflinePurchase(String externalId, String card, BigDecimal amount, OffsetDateTime createdAt,
                       Long redeemPoints, List<String> couponCodes) {

    boolean spendsSomething() {
        return (redeemPoints != null && redeemPoints != 0) || (couponCodes != null && !couponCodes.isEmpty());
    }
}
