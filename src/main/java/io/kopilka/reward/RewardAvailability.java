package io.kopilka.reward;

import io.kopilka.shared.error.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a reward can be had now: bought for points by a member (dates, price, level, the
 * member's limit), or given (dates only). The stock is not here: it is taken by one conditional
 * statement, which is what keeps it from being oversold.
 */
public final class RewardAvailability {
    private RewardAvailability() {
    }

    /**
     * Why {@code reward} cannot be bought now by a member on level {@code tier} (null: none) who has
     * bought {@code bought} of it already; empty when it can.
     */
    public static Optional<String> refusalToSell(CatalogReward reward, Instant now, String tier, long bought) {
        Optional<String> given = refusalToGive(reward, now);
        if (given.isPresent()) {
            return given;
        }
        Reward r = reward.reward();
        if (r.costPoints() == null) {
            return Optional.of("not_for_sale");
        }
        if (r.tiers() != null && !r.tiers().isEmpty() && (tier == null || !r.tiers().contains(tier))) {
            return Optional.of("tier_not_allowed");
        }
        if (r.perMemberLimit() != null && bought >= r.perMemberLimit()) {
            return Optional.of("limit_reached");
        }
        return Optional.empty();
    }

    /** Why {@code reward} cannot be given now (a rule, a gift); empty when it can. */
    public static Optional<String> refusalToGive(CatalogReward reward, Instant now) {
        Reward r = reward.reward();
        if (!reward.active()) {
            return Optional.of("archived");
        }
        if (r.validFrom() != null && now.isBefore(r.validFrom())) {
            return Optional.of("not_started");
        }
        if (r.validTo() != null && !now.isBefore(r.validTo())) {
            return Optional.of("ended");
        }
        return Optional.empty();
    }

    /** 422 {@code reward_not_available} with the {@code reason}. */
    public static ApiProblem notAvailable(String reason) {
        return new ApiProblem(422, "reward_not_available", "The reward is not available: " + reason.replace('_', ' '),
                List.of(new ApiProblem.FieldError("rewardId", reason)), Map.of("reason", reason));
    }

    /** 409 {@code out_of_stock}. */
    public static ApiProblem outOfStock() {
        return ApiProblem.conflict("out_of_stock", "The reward is out of stock");
    }
}
