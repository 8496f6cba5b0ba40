package io.kopilka.purchase;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A member's recent purchases with their lines, as a till lists them to undo one or take goods back; and
 * a store's frequent items, which a till without a catalogue offers to pick from.
 */
public interface PurchaseHistory {
    int MAX_LIMIT = 50;
    /** {@link #frequentAt} reads at most this many of the store's latest purchases: its work is bounded. */
    int FREQUENT_WINDOW = 2000;

    /**
     * The member's purchases that happened since {@code since}, at {@code storeCode} (null: any store),
     * newest first, at most {@code limit}.
     */
    List<PastPurchase> ofMember(TenantId tenant, MemberId member, String storeCode, Instant since, int limit);

    /**
     * The skus sold most often at {@code storeCode} since {@code since}, counted in lines of its latest
     * {@link #FREQUENT_WINDOW} purchases (lines returned in full do not count), most frequent first, ties by
     * sku, at most {@code limit} (up to {@link #MAX_LIMIT}).
     */
    List<FrequentItem> frequentAt(TenantId tenant, String storeCode, Instant since, int limit);

    /**
     * A sku as the store sold it last: its latest name, category and unit price.
     *
     * @param times how many lines of the window sold it
     */
    record FrequentItem(String sku, String name, String category, BigDecimal unitPrice, long times) {
    }

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
