package io.kopilka.purchase;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A member's recent purchases with their lines, as a till lists them to undo one or take goods back. */
public interface PurchaseHistory {
    int MAX_LIMIT = 50;

    /**
     * The member's purchases that happened since {@code since}, at {@code storeCode} (null: any store),
     * newest first, at most {@code limit}.
     */
    List<PastPurchase> ofMember(TenantId tenant, MemberId member, String storeCode, Instant since, int limit);

    /**
     * @param createdAt when it was recorded (a till's undo window counts from it; {@code occurredAt} may be earlier)
     * @param payable   what the customer paid, in the tenant's currency
     */
    record PastPurchase(PurchaseId id, String externalId, String storeCode, Instant occurredAt, Instant createdAt,
                        BigDecimal payable, long pointsEarned, long pointsRedeemed, List<Line> lines) {

        public PastPurchase {
            lines = List.copyOf(lines);
        }

        /** Whether every line came back already. */
        public boolean returned() {
            return lines.stream().allMatch(l -> l.returnedQuantity().compareTo(l.quantity()) >= 0);
        }
    }

    record Line(String sku, String name, BigDecimal quantity, BigDecimal returnedQuantity, BigDecimal paid) {

        public BigDecimal left() {
            return quantity.subtract(returnedQuantity);
        }
    }
}
