package io.kopilka.wallet;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.util.Optional;

/** Members' goals: one at a time per member, set and cleared by them (from the wallet, or a till for them). */
public interface Goals {

    /**
     * Sets the member's goal, replacing any: a reward of the catalog ({@code rewardId}; 404 for one the
     * tenant does not have, 422 {@code reward_not_available} for one archived or not for sale for points)
     * or their own ({@code name}, {@code targetPoints}); 422 {@code validation_failed} for any other shape.
     */
    Goal set(TenantId tenant, MemberId member, String rewardId, String name, Long targetPoints);

    void clear(TenantId tenant, MemberId member);

    /** The member's goal, a reward's with its current name and price. */
    Optional<Goal> of(TenantId tenant, MemberId member);
}
