package io.kopilka.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An earning or discount rule as the owner wrote it. The common conditions (validity window, stores,
 * item filter) apply to every kind; the kind's own parameters live in {@code parameters}.
 */
public record Rule(UUID id, String name, RuleKind kind, int priority, boolean stackable, Instant validFrom,
                   Instant validTo, List<String> stores, ItemFilter itemFilter, Long maxPointsPerPurchase,
                   Parameters parameters) {

    /** Which items a rule looks at; null lists mean "any". */
    public record ItemFilter(List<String> skus, List<String> categories) {
        public boolean matches(String sku, String category) {
            boolean skuOk = skus == null || skus.isEmpty() || skus.contains(sku);
            boolean categoryOk = categories == null || categories.isEmpty()
                    || (category != null && categories.contains(category));
            return skuOk && categoryOk;
        }
    }

    /** The parameters of each kind. */
    public sealed interface Parameters {
    }

    /** {@code points_percent}: this percent of what the customer pays for matching items, in points. */
    public record PointsPercent(BigDecimal percent) implements Parameters {
    }

    public boolean itemMatches(String sku, String category) {
        return itemFilter == null || itemFilter.matches(sku, category);
    }
}
