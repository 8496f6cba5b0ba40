package io.kopilka.purchase;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.Money;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import io.kopilka.shared.TenantId;
import java.time.Instant;

/**
 * Goods of a purchase were returned: published in the return's transaction.
 *
 * @param member        null for a guest's purchase
 * @param amount        what the customer got back
 * @param wholePurchase whether every line of the purchase is now returned
 */
public record PurchaseReturned(TenantId tenant, PurchaseId purchase, ReturnId returnId, String externalId,
                               MemberId member, Money amount, long pointsReversed, long pointsRefunded,
                               boolean wholePurchase, Instant recordedAt) {
}
