package io.kopilka.engagement;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.Names;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A purchase counted towards a member's challenge, or completed it ({@code completed}; a surprise is
 * completed at once). Published inside the purchase's transaction.
 *
 * @param progress      where the member stands now, in the challenge's unit (visits, money, items)
 * @param previous      where they stood before this purchase (0 for a surprise), so that a listener can
 *                      tell the purchase that crossed a mark from the ones after it
 * @param rewardPoints  what the completion gave in points (0 unless completed)
 * @param couponCodes   the coupons the completion gave, as members read them
 */
public record ChallengeProgressed(TenantId tenant, MemberId member, UUID challengeId, Names name,
                                  ChallengeDraft.Metric metric, BigDecimal progress, BigDecimal previous,
                                  BigDecimal target,
                                  boolean completed, long rewardPoints, List<String> couponCodes, PurchaseId purchase,
                                  Instant at) {

    public ChallengeProgressed {
        couponCodes = List.copyOf(couponCodes);
    }

    /** What is left to complete it, never below zero. */
    public BigDecimal remaining() {
        return target.subtract(progress).max(BigDecimal.ZERO);
    }
}
