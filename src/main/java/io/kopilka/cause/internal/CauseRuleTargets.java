package io.kopilka.cause.internal;

import io.kopilka.cause.Causes;
import io.kopilka.rules.Rule;
import io.kopilka.rules.RuleTargets;
import io.kopilka.shared.Ids;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A rule of kind {@code cause_contribution} must name an active cause of its tenant. */
@Component
class CauseRuleTargets implements RuleTargets {
    private final Causes causes;

    CauseRuleTargets(Causes causes) {
        this.causes = causes;
    }

    @Override
    public boolean owns(Rule.Action action) {
        return action instanceof Rule.CauseContribution;
    }

    @Override
    public Optional<ApiProblem.FieldError> check(TenantId tenant, Rule.Action action) {
        String id = ((Rule.CauseContribution) action).causeId();
        boolean active = Ids.parse(id).flatMap(uuid -> causes.byId(tenant, uuid)).map(c -> c.draft().active())
                .orElse(false);
        return active ? Optional.empty()
                : Optional.of(new ApiProblem.FieldError("causeId", "no active cause with this id in the program"));
    }
}
