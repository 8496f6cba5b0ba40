package io.kopilka.purchase;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A purchase as a till sends it (docs/api.md, "Purchases"). */
public record PurchaseOrder(String externalId, String storeCode, String channel, OffsetDateTime occurredAt,
                            MemberReference member, List<Item> items, Long redeemPoints, List<String> couponCodes) {

    public record MemberReference(String id, String phone, String card) {
    }

    public record Item(String sku, String name, String category, BigDecimal quantity, BigDecimal unitPrice) {
    }
}
