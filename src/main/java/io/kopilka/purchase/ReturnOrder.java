package io.kopilka.purchase;

import java.math.BigDecimal;
import java.util.List;

/** Goods brought back: by items, or by an amount of money (exactly one of the two). */
public record ReturnOrder(String externalId, List<Item> items, BigDecimal amount) {
    public record Item(String sku, BigDecimal quantity) {
    }
}
