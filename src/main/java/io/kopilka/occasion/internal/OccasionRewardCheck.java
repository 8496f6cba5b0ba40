package io.kopilka.occasion.internal;

import io.kopilka.program.Program;
import io.kopilka.program.ProgramCheck;
import io.kopilka.program.ProgramValidation.Problem;
import io.kopilka.reward.Rewards;
import io.kopilka.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The birthday's and win-back's {@code rewardId} must name one of the tenant's rewards. */
@Component
class OccasionRewardCheck implements ProgramCheck {
    private final Rewards rewards;

    OccasionRewardCheck(Rewards rewards) {
        this.rewards = rewards;
    }

    @Override
    public List<Problem> check(TenantId tenant, Program settings) {
        List<Problem> problems = new ArrayList<>();
        check(tenant, "birthday.rewardId", settings.birthday().rewardId(), problems);
        check(tenant, "winBack.rewardId", settings.winBack().rewardId(), problems);
        return problems;
    }

    private void check(TenantId tenant, String field, String rewardId, List<Problem> problems) {
        if (rewardId != null && rewards.find(tenant, rewardId).isEmpty()) {
            problems.add(new Problem(field, "is not a reward of this program"));
        }
    }
}
