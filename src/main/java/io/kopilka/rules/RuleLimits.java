package io.kopilka.rules;

import io.kopilka.shared.RuleId;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/**
 * What purchases spend of the rules' limits: each member's daily and monthly allowance per rule and
 * each rule's budget. Pricing stays pure: it is given what is left as caps, and what it gave is
 * spent here, in the purchase's transaction and under the member's lock.
 */
public interface RuleLimits {

    /**
     * What is left, per rule, of the member's daily and monthly allowance and of each rule's budget,
     * as caps for pricing. Read under the member's lock, so it stays true until the purchase commits.
     */
    Map<RuleId, Long> caps(TenantId tenant, MemberId member, RuleSet rules, LocalDate today);

    /**
     * Spends what {@code priced} gave: takes the points of budgeted rules from their budgets, atomically,
     * and counts the member's points per capped rule for {@code today}. A budget that cannot give all
     * (another till took the rest since the caps were read) gives what it has: {@code priceWithCaps}
     * prices the purchase again with that rule capped at it, and what the second pricing did not use
     * goes back. Returns the pricing that was spent.
     */
    PricedCart spend(TenantId tenant, MemberId member, RuleSet rules, Map<RuleId, Long> caps, LocalDate today,
                     PricedCart priced, Function<Map<RuleId, Long>, PricedCart> priceWithCaps);
}
