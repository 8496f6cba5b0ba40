package io.kopilka.wallet.internal;

import io.kopilka.reward.RewardSummary;
import io.kopilka.reward.Rewards;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Names;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.wallet.Goal;
import io.kopilka.wallet.Goals;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Goals in table {@code member_goal}. A reward's goal keeps only the reward's id: its name and price
 * are read from the catalog each time, so a price change shows at once; if the reward is archived
 * or taken off sale, the goal keeps the price it had when it was set.
 */
@Component
class JdbcGoals implements Goals {
    private final JdbcClient jdbc;
    private final Rewards rewards;
    private final Clock clock;

    JdbcGoals(JdbcClient jdbc, Rewards rewards, Clock clock) {
        this.jdbc = jdbc;
        this.rewards = rewards;
        this.clock = clock;
    }

    @Override
    public Goal set(TenantId tenant, MemberId member, String rewardId, String name, Long targetPoints) {
        Goal.checkShape(rewardId, name, targetPoints);
        Goal goal;
        if (rewardId != null) {
            RewardSummary reward = rewards.find(tenant, rewardId).orElseThrow(() -> ApiProblem.notFound("Reward"));
            if (!reward.active() || reward.costPoints() == null) {
                throw new ApiProblem(422, "reward_not_available", "The reward is " + (reward.active()
                        ? "not for sale for points" : "archived") + ": it cannot be a goal",
                        java.util.List.of(new ApiProblem.FieldError("rewardId", "not for sale for points")),
                        Map.of("reason", reward.active() ? "not_for_sale" : "archived"));
            }
            goal = new Goal(reward.id(), reward.name(), reward.costPoints());
        } else {
            goal = new Goal(null, Names.of(name.strip()), targetPoints);
        }
        jdbc.sql("""
                INSERT INTO member_goal (tenant_id, member_id, reward_id, name, target_points, set_at)
                VALUES (:tenant, :member, :reward, :name, :target, :now)
                ON CONFLICT (tenant_id, member_id) DO UPDATE
                SET reward_id = EXCLUDED.reward_id, name = EXCLUDED.name, target_points = EXCLUDED.target_points,
                    set_at = EXCLUDED.set_at""")
                .param("tenant", tenant.value()).param("member", member.value()).param("reward", goal.rewardId())
                .param("name", goal.name().name()).param("target", goal.targetPoints())
                .param("now", Timestamp.from(Now.of(clock))).update();
        return goal;
    }

    @Override
    public void clear(TenantId tenant, MemberId member) {
        jdbc.sql("DELETE FROM member_goal WHERE tenant_id = :tenant AND member_id = :member")
                .param("tenant", tenant.value()).param("member", member.value()).update();
    }

    @Override
    public Optional<Goal> of(TenantId tenant, MemberId member) {
        return jdbc.sql("""
                SELECT reward_id, name, target_points FROM member_goal
                WHERE tenant_id = :tenant AND member_id = :member""")
                .param("tenant", tenant.value()).param("member", member.value())
                .query((rs, i) -> new Goal(rs.getString("reward_id"), Names.of(rs.getString("name")),
                        rs.getLong("target_points")))
                .optional()
                .map(stored -> stored.rewardId() == null ? stored : current(tenant, stored));
    }

    private Goal current(TenantId tenant, Goal stored) {
        return rewards.find(tenant, stored.rewardId())
                .filter(r -> r.active() && r.costPoints() != null && r.costPoints() > 0)
                .map(r -> new Goal(r.id(), r.name(), r.costPoints()))
                .orElse(stored);
    }
}
