package io.kopilka.purchase.internal;

import io.kopilka.shared.RuleId;
import io.kopilka.rules.PricedCart;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A rule that applied to a purchase as {@code purchase.applied_rules} keeps it: a storage format,
 * the same since V2 (the line in the member's language as it was told), so it changes only by
 * adding fields, whatever pricing's own types become.
 */
record StoredAppliedRule(UUID ruleId, String name, long points, BigDecimal discount, BigDecimal base,
                         String explanation) {

    /** @param explanations the rendered line of each applied rule, in order */
    static List<StoredAppliedRule> of(PricedCart priced, List<String> explanations) {
        List<StoredAppliedRule> stored = new ArrayList<>(priced.applied().size());
        for (int i = 0; i < priced.applied().size(); i++) {
            PricedCart.AppliedRule a = priced.applied().get(i);
            stored.add(new StoredAppliedRule(a.ruleId() == null ? null : a.ruleId().value(), a.name(), a.points(), a.discount(), a.base(),
                    explanations.get(i)));
        }
        return stored;
    }
}
