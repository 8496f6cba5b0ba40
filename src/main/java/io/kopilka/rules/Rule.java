package io.kopilka.rules;

import io.kopilka.shared.RuleId;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * An earning or discount rule as the owner wrote it: its kind's parameters, the conditions common to
 * every kind, and its limits. Null conditions mean "always"; null limits mean "none".
 */
public record Rule(RuleId id, String name, RuleKind kind, int priority, boolean stackable, Instant validFrom,
                   Instant validTo, Set<DayOfWeek> daysOfWeek, Hours hours, List<String> stores, List<String> channels,
                   List<String> tiers, ItemFilter itemFilter, Condition condition, Limits limits,
                   Parameters parameters) {

    /** Where a rule stands among others when its owner gives no priority. */
    public static final int DEFAULT_PRIORITY = 100;

    /**
     * A rule that always applies, on any day, in any store, to every item, without limits: the
     * shape of the simplest program ("5% back") and of tests. Its kind follows from its parameters.
     */
    public static Rule unconditional(RuleId id, String name, Parameters parameters) {
        return new Rule(id, name, kindOf(parameters), DEFAULT_PRIORITY, true, null, null, null, null, null, null,
                null, null, null, Limits.NONE, parameters);
    }

    /** The same rule with another priority. */
    public Rule withPriority(int priority) {
        return new Rule(id, name, kind, priority, stackable, validFrom, validTo, daysOfWeek, hours, stores, channels,
                tiers, itemFilter, condition, limits, parameters);
    }

    /** The same rule with other limits. */
    public Rule withLimits(Limits limits) {
        return new Rule(id, name, kind, priority, stackable, validFrom, validTo, daysOfWeek, hours, stores, channels,
                tiers, itemFilter, condition, limits, parameters);
    }

    /** The kind each family of parameters is written as; exhaustive, so a new kind names itself here. */
    public static RuleKind kindOf(Parameters parameters) {
        return switch (parameters) {
            case PointsPercent p -> RuleKind.POINTS_PERCENT;
            case PointsFixed p -> RuleKind.POINTS_FIXED;
            case PointsPerItem p -> RuleKind.POINTS_PER_ITEM;
            case Multiplier p -> RuleKind.MULTIPLIER;
            case DiscountPercent p -> RuleKind.DISCOUNT_PERCENT;
            case DiscountBySpend p -> RuleKind.DISCOUNT_BY_SPEND;
            case IssueCoupon p -> RuleKind.ISSUE_COUPON;
            case CauseContribution p -> RuleKind.CAUSE_CONTRIBUTION;
        };
    }

    /** A daily window in the tenant's time zone; {@code from} after {@code to} wraps past midnight. */
    public record Hours(LocalTime from, LocalTime to) {
        public boolean contains(LocalTime time) {
            return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
                    : !time.isBefore(from) || time.isBefore(to);
        }
    }

    /** Which items a rule looks at; null or empty lists mean "any". */
    public record ItemFilter(List<String> skus, List<String> categories) {
        public boolean matches(String sku, String category) {
            boolean skuOk = skus == null || skus.isEmpty() || skus.contains(sku);
            boolean categoryOk = categories == null || categories.isEmpty()
                    || (category != null && categories.contains(category));
            return skuOk && categoryOk;
        }
    }

    /** Caps on what a rule gives: per purchase, per member per day or month, and in all (a budget). */
    public record Limits(Long maxPointsPerPurchase, Long maxPointsPerMemberPerDay, Long maxPointsPerMemberPerMonth,
                         Long budgetPoints) {
        public static final Limits NONE = new Limits(null, null, null, null);

        public boolean capsMember() {
            return maxPointsPerMemberPerDay != null || maxPointsPerMemberPerMonth != null;
        }
    }

    /**
     * The parameters of each kind, in four families that Pricing handles at four steps. Every
     * switch over them is exhaustive, without {@code default}: a new kind does not compile until each
     * step says what it does with it.
     */
    public sealed interface Parameters permits Earning, Discount, Multiplier, Action {
    }

    /**
     * Kinds that neither give points nor lower the price: they make the purchase do something
     * ({@link PricedCart.Effect}), which the module that owns the target carries out with it.
     */
    public sealed interface Action extends Parameters permits IssueCoupon, CauseContribution {
    }

    /** {@code issue_coupon}: a coupon of this reward for the member, issued with the purchase. */
    public record IssueCoupon(String rewardId) implements Action {
    }

    /** {@code cause_contribution}: the business gives this many units to the cause, at no cost to the member. */
    public record CauseContribution(String causeId, long units) implements Action {
    }

    /** Kinds that give points of their own to the lines they match. */
    public sealed interface Earning extends Parameters permits PointsPercent, PointsFixed, PointsPerItem {
    }

    /** Kinds that lower what the customer pays for the lines they match. */
    public sealed interface Discount extends Parameters permits DiscountPercent, DiscountBySpend {
    }

    /** {@code points_percent}: this percent of what the customer pays for matching items, in points. */
    public record PointsPercent(BigDecimal percent) implements Earning {
    }

    /** {@code points_fixed}: these points for a purchase with at least one matching item. */
    public record PointsFixed(long points) implements Earning {
    }

    /** {@code points_per_item}: these points per unit of matching items. */
    public record PointsPerItem(long points) implements Earning {
    }

    /** {@code multiplier}: the points other rules gave to matching items, times this factor. */
    public record Multiplier(BigDecimal factor) implements Parameters {
    }

    /** {@code discount_percent}: an instant discount of this percent on matching items. */
    public record DiscountPercent(BigDecimal percent) implements Discount {
    }

    /** {@code discount_by_spend}: the percent of the highest step the member's lifetime spend has reached. */
    public record DiscountBySpend(List<Step> steps) implements Discount {
        public record Step(BigDecimal spend, BigDecimal percent) {
        }

        public BigDecimal percentFor(BigDecimal lifetimeSpend) {
            BigDecimal percent = null;
            for (Step step : steps) {
                if (lifetimeSpend.compareTo(step.spend()) >= 0
                        && (percent == null || step.percent().compareTo(percent) > 0)) {
                    percent = step.percent();
                }
            }
            return percent;
        }
    }

    public boolean itemMatches(String sku, String category) {
        return itemFilter == null || itemFilter.matches(sku, category);
    }

}
