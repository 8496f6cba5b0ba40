package io.kopilka.reward;

import io.kopilka.shared.TenantId;
import java.util.Optional;

/** The catalog as other modules read it (a member's goal names a reward). */
public interface Rewards {

    /** The reward, archived ones too; empty for an id the tenant does not have. */
    Optional<RewardSummary> find(TenantId tenant, String rewardId);
}
