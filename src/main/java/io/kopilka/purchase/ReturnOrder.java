package io.kopilka.purchase;

import java.math.BigDecimal;
import java.util.List;

/** Goods brought back: by items, or by an amount of money (exactly one of the two). */
public record ReturnOrder(String externalId, List<ReturnedItem> items, BigDecimal amount) {
    public record ReturnedItem(String sku, BigDecimal quantity) {
    }
}
