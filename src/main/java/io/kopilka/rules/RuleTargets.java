package io.kopilka.rules;

import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import java.util.Optional;

/**
 * What a rule's action points at lives in another module (a reward, a cause), which {@code rules}
 * must not depend on: that module says here whether the target exists in the tenant. Asked when a
 * rule is saved or simulated, so a rule that issues a coupon of another tenant's reward is refused
 * (422) instead of doing nothing at every purchase.
 */
public interface RuleTargets {

    /** Whether {@code action}'s target is this module's (a reward's id is the reward module's). */
    boolean owns(Rule.Action action);

    /** The field error when the target is not in the tenant (or no longer usable); asked only of its owner. */
    Optional<ApiProblem.FieldError> check(TenantId tenant, Rule.Action action);
}
