package io.kopilka.demo;

import io.kopilka.purchase.PurchaseOrder;
import io.kopilka.purchase.Purchases;
import io.kopilka.tenant.Caller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Guests' checks at Dostyk, itemized as a real till sends them, so that the demo till has frequent items
 * to offer (haircut, beard trim, shampoo). Guests, not members: no card, challenge or level changes.
 */
@Component
class DemoWalkIns {
    private static final PurchaseOrder.Item HAIRCUT = item("HAIRCUT", "Мужская стрижка", "service", "7000.00");
    private static final PurchaseOrder.Item BEARD_TRIM = item("BEARD-TRIM", "Оформление бороды", "service", "4000.00");
    private static final PurchaseOrder.Item SHAMPOO = item("SHAMPOO", "Шампунь для волос", "shampoo", "3500.00");
    private static final PurchaseOrder.Item KIDS = item("KIDS-HAIRCUT", "Детская стрижка", "service", "5000.00");

    private final Purchases purchases;
    private final Clock clock;

    DemoWalkIns(Purchases purchases, Clock clock) {
        this.purchases = purchases;
        this.clock = clock;
    }

    void seed(Caller owner) {
        List<List<PurchaseOrder.Item>> checks = List.of(List.of(HAIRCUT, BEARD_TRIM), List.of(BEARD_TRIM),
                List.of(HAIRCUT, SHAMPOO), List.of(KIDS), List.of(BEARD_TRIM, SHAMPOO), List.of(HAIRCUT));
        for (int i = 0; i < checks.size(); i++) {
            OffsetDateTime when = OffsetDateTime.now(clock).minusDays(20 - 3L * i);
            purchases.commit(owner, new PurchaseOrder("demo-walk-in-" + i, "dostyk", "pos", when, null, checks.get(i),
                    null, List.of()), null);
        }
    }

    private static PurchaseOrder.Item item(String sku, String name, String category, String price) {
        return new PurchaseOrder.Item(sku, name, category, BigDecimal.ONE, new BigDecimal(price));
    }
}
