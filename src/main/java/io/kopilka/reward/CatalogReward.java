package io.kopilka.reward;

import java.time.Instant;

/**
 * A reward as the catalog holds it: its terms and their state.
 *
 * @param stockLeft null: unlimited
 */
public record CatalogReward(Reward reward, Long stockLeft, boolean active, Instant createdAt, Instant updatedAt) {

    public RewardSummary summary() {
        return new RewardSummary(reward.id().toString(), reward.name(), reward.costPoints(), active);
    }
}
