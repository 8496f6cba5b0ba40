package io.kopilka.reward.internal;

import io.kopilka.reward.CatalogReward;
import io.kopilka.rules.Rule;
import io.kopilka.rules.RuleTargets;
import io.kopilka.shared.Ids;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A rule of kind {@code issue_coupon} must name an active reward of its tenant. */
@Component
class RewardRuleTargets implements RuleTargets {
    private final RewardStore rewards;

    RewardRuleTargets(RewardStore rewards) {
        this.rewards = rewards;
    }

    @Override
    public boolean owns(Rule.Action action) {
        return action instanceof Rule.IssueCoupon;
    }

    @Override
    public Optional<ApiProblem.FieldError> check(TenantId tenant, Rule.Action action) {
        String rewardId = ((Rule.IssueCoupon) action).rewardId();
        boolean active = Ids.parse(rewardId).flatMap(id -> rewards.find(tenant, id)).filter(CatalogReward::active)
                .isPresent();
        return active ? Optional.empty()
                : Optional.of(new ApiProblem.FieldError("rewardId", "no active reward with this id"));
    }
}
