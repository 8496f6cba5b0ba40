package io.kopilka.purchase;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.Money;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import java.time.Instant;

/**
 * A purchase was recorded: published in its transaction, so listeners hear of it exactly when it
 * committed, and after a crash too (the event publication is stored with it).
 *
 * @param member     null for a guest
 * @param paid       what the customer paid, after discounts and points
 * @param occurredAt when it happened (a till's purchase may be backdated)
 * @param recordedAt when it was recorded
 */
public record PurchaseRecorded(TenantId tenant, PurchaseId purchase, String externalId, String storeCode,
                               MemberId member, Money subtotal, Money discount, Money paid, long pointsEarned,
                               long pointsPending, long pointsRedeemed, Instant occurredAt, Instant recordedAt) {
}
