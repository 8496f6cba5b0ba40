package io.kopilka.reward;

import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;

/** The reward module's figures for the owner's dashboard (analytics): read only. */
public interface CouponStatistics {

    /**
     * The rewards with the most coupons issued from {@code start} (inclusive) to {@code end} (exclusive),
     * whatever became of the coupons and however they were issued, at most {@code limit}, most first.
     */
    List<RewardIssues> topIssued(TenantId tenant, Instant start, Instant end, int limit);

    record RewardIssues(RewardSummary reward, long coupons) {
    }
}
