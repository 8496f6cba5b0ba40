package io.kopilka.engagement;

import io.kopilka.rules.Cart;
import io.kopilka.rules.MemberSnapshot;
import io.kopilka.rules.PricedCart;
import io.kopilka.rules.RuleConditions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a challenge counts of a purchase, if it qualifies: minSpend against what the customer paid,
 * the stores, the item filter (for items its matching units, for spend its matching lines' paid
 * amount, for visits any matching line) and the condition.
 */
public final class PurchaseMeasure {
    /** A member as a challenge's condition sees them: known, nothing else read for it. */
    static final MemberSnapshot MEMBER = new MemberSnapshot(true, null, null, null, Map.of(), null, null,
            BigDecimal.ZERO, 0, List.of());

    private PurchaseMeasure() {
    }

    /** @param amount what the metric counts (1, units, money); units: the matching lines' units */
    public record Measured(BigDecimal amount, BigDecimal units) {
    }

    /** @return null when the purchase does not qualify */
    public static Measured of(ChallengeDraft d, Cart cart, List<PricedCart.PricedLine> lines, BigDecimal paid) {
        ChallengeDraft.Qualifier q = d.qualifier();
        if (q.minSpend() != null && paid.compareTo(q.minSpend()) < 0) {
            return null;
        }
        if (q.stores() != null && !q.stores().contains(cart.storeCode())) {
            return null;
        }
        BigDecimal units = BigDecimal.ZERO;
        BigDecimal spend = BigDecimal.ZERO;
        boolean any = false;
        for (int i = 0; i < cart.lines().size(); i++) {
            Cart.Line line = cart.lines().get(i);
            if (q.itemFilter() == null || q.itemFilter().matches(line.sku(), line.category())) {
                any = true;
                units = units.add(line.quantity());
                spend = spend.add(i < lines.size() ? lines.get(i).paid() : BigDecimal.ZERO);
            }
        }
        if (!any) {
            return null;
        }
        if (q.itemFilter() == null) {
            spend = paid;
        }
        if (q.condition() != null) {
            var result = RuleConditions.test(q.condition(), cart, MEMBER);
            if (result.error() != null || !result.holds()) {
                return null;
            }
        }
        BigDecimal amount = switch (d.metric()) {
            case VISITS -> BigDecimal.ONE;
            case ITEMS -> units;
            case SPEND -> spend;
        };
        return amount.signum() > 0 ? new Measured(amount, units) : null;
    }
}
