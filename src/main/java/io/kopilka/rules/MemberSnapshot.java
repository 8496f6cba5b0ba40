package io.kopilka.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the rules may know of the member at the moment of the purchase (before it). A guest is
 * {@link #GUEST}: no tier, nothing spent, and no points to earn.
 *
 * @param tier      the member's level, or null
 * @param benefits  the level's earn multiplier and discount, or null
 */
public record MemberSnapshot(boolean known, String tier, String tierName, TierBenefits benefits,
                             Map<String, Object> attributes, Instant joinedAt, LocalDate birthDate,
                             BigDecimal lifetimeSpend, int visits, List<String> segments) {

    public static final MemberSnapshot GUEST = new MemberSnapshot(false, null, null, null, Map.of(), null, null,
            BigDecimal.ZERO, 0, List.of());

    public record TierBenefits(BigDecimal earnMultiplier, BigDecimal discountPercent) {
    }
}
