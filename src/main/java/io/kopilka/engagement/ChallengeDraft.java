package io.kopilka.engagement;

import io.kopilka.rules.Condition;
import io.kopilka.shared.Names;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A challenge's settings, checked ({@link ChallengeValidation}).
 *
 * @param target                  visits or items (whole), or money
 * @param windowDays              null: no time limit
 * @param maxCompletionsPerMember null: no limit
 * @param headStart               stamps every member has at the start of their first card (below the target)
 * @param surprise                null: an ordinary card
 */
public record ChallengeDraft(Names names, String description, Metric metric, BigDecimal target, Integer windowDays,
                             boolean repeat, Integer maxCompletionsPerMember, boolean oncePerDay, Qualifier qualifier,
                             Reward reward, Instant validFrom, Instant validTo, boolean active, BigDecimal headStart,
                             Surprise surprise) {

    public enum Metric {
        VISITS, SPEND, ITEMS;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Which purchases count.
     *
     * @param minSpend   against what the customer paid; null: any
     * @param stores     null or empty: any store
     * @param itemFilter null: any line
     * @param condition  null: none
     */
    public record Qualifier(BigDecimal minSpend, List<String> stores, ItemFilter itemFilter, Condition condition) {
        public static final Qualifier ANY = new Qualifier(null, null, null, null);
    }

    public record ItemFilter(List<String> skus, List<String> categories) {
        public boolean matches(String sku, String category) {
            boolean skuOk = skus == null || skus.isEmpty() || skus.contains(sku);
            boolean categoryOk = categories == null || categories.isEmpty()
                    || (category != null && categories.contains(category));
            return skuOk && categoryOk;
        }
    }

    /** At least one of the three: points (0: none), a coupon of the reward, a badge. */
    public record Reward(long points, String rewardId, String badge) {
    }

    /**
     * The reward as a surprise: drawn with {@code probability} on the qualifying purchases of members
     * with at least {@code minVisits} visits, at most {@code maxPerMonth} a month in the tenant.
     */
    public record Surprise(double probability, int minVisits, Integer maxPerMonth) {
    }

    /** A count or an amount of this challenge as answers write it: "3" visits, "3500.00" of spend. */
    public BigDecimal shown(BigDecimal value) {
        return metric == Metric.SPEND ? value.setScale(2, java.math.RoundingMode.HALF_UP)
                : value.stripTrailingZeros().setScale(Math.max(0, value.stripTrailingZeros().scale()));
    }

    /** Whether the challenge counts a purchase made at {@code at}. */
    public boolean runsAt(Instant at) {
        return active && (validFrom == null || !at.isBefore(validFrom)) && (validTo == null || at.isBefore(validTo));
    }

    public ChallengePolicy.Settings settings() {
        return new ChallengePolicy.Settings(target, windowDays, repeat, maxCompletionsPerMember, oncePerDay,
                headStart);
    }
}
