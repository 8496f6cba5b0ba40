package io.kopilka.web.till;

import io.kopilka.purchase.PurchaseHistory;
import io.kopilka.purchase.PurchaseHistory.FrequentItem;
import io.kopilka.tenant.StaffMember;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The items a cashier picks from: what the cashier's store sold most often lately, as the API's
 * purchases named and priced them (Kopilka has no catalogue). The check's lines take name, category
 * and price from this list, never from the browser.
 */
@Component
class TillItems {
    static final Duration WINDOW = Duration.ofDays(30);
    static final int SHOWN = 12;
    private final PurchaseHistory history;

    TillItems(PurchaseHistory history) {
        this.history = history;
    }

    /**
     * The store's frequent items, most frequent first, without the till's own total line. Only the
     * account's home store has them: an owner or a manager with every store rings a total alone.
     */
    List<FrequentItem> offered(StaffMember me, Instant now) {
        if (me.homeStore() == null) {
            return List.of();
        }
        return history.frequentAt(me.tenant(), me.homeStore(), now.minus(WINDOW), SHOWN + 1).stream()
                .filter(i -> !CheckForm.SKU.equals(i.sku())).limit(SHOWN).toList();
    }
}
