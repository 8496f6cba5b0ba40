package io.kopilka.rules;

import io.kopilka.shared.RuleId;
import io.kopilka.shared.Points;
import io.kopilka.program.Program;
import io.kopilka.shared.Allocation;
import io.kopilka.shared.Text;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prices a cart, in the order docs/api.md fixes: item discounts (coupons, then the rules', then the
 * level's), then points redemption, then earning on what the customer actually pays. Pure: no I/O, no clock; the same input gives the same answer.
 *
 * <p>Which rules apply: every rule whose conditions hold, in priority order (highest first), until
 * one that is not stackable has applied. The member's level adds its discount and its earn
 * multiplier after the rules. Discounts compound in that order; multipliers multiply the points the
 * earning rules (and earlier multipliers) gave to their items.
 *
 * <p>Rounding: money is rounded half-up to the currency's decimals per line; redemption is capped at
 * {@code maxRedeemShare} of the check after discounts and floored to whole points; earned points are
 * summed exactly over all rules and floored once. The whole is then split back over lines and rules
 * by largest remainder, so the parts always add up to the total shown.
 */
public final class Pricing {
    /**
     * Each rule is bounded on its own, but rules multiply (points per item × quantity × multipliers
     * × the level's multiplier), so the sum is bounded too: past it, a purchase is refused as the
     * owner's configuration error (422) rather than overflowing a long.
     */
    public static final long MAX_POINTS_PER_PURCHASE = Points.MAX;
    private static final BigDecimal HUNDRED = new BigDecimal(100);
    private static final BigDecimal MAX_EARNED = BigDecimal.valueOf(MAX_POINTS_PER_PURCHASE);
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

    private Pricing() {
    }

    /**
     * @param rules        live rules, highest priority first
     * @param redeemPoints points the customer asked to spend (already checked against the balance)
     * @param pointCaps    per rule, at most this many points (what is left of a member's daily or
     *                     monthly allowance, or of the rule's budget); absent means no cap
     * @param coupons      the coupons handed over, in the order the till sent them
     */
    public record Input(Cart cart, List<Rule> rules, Program program, MemberSnapshot member, long redeemPoints,
                        Map<RuleId, Long> pointCaps, List<CouponOffer> coupons) {

        /** Without coupons: the shape of most purchases, of simulations over past ones, and of tests. */
        public Input(Cart cart, List<Rule> rules, Program program, MemberSnapshot member, long redeemPoints,
                     Map<RuleId, Long> pointCaps) {
            this(cart, rules, program, member, redeemPoints, pointCaps, List.of());
        }
    }

    public static PricedCart price(Input in) {
        Cart cart = in.cart();
        int scale = cart.scale();
        int n = cart.lines().size();
        List<PricedCart.Skipped> skipped = new ArrayList<>();
        List<Rule> applicable = applicable(in, skipped);

        BigDecimal[] amounts = new BigDecimal[n];
        BigDecimal[] discounts = new BigDecimal[n];
        BigDecimal[] after = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            Cart.Line line = cart.lines().get(i);
            amounts[i] = line.quantity().multiply(line.unitPrice()).setScale(scale, RoundingMode.HALF_UP);
            discounts[i] = BigDecimal.ZERO.setScale(scale);
            after[i] = amounts[i];
        }
        List<PricedCart.AppliedCoupon> coupons = in.coupons().isEmpty() ? List.of()
                : CouponPricing.apply(cart, in.coupons(), sum(amounts), after, discounts);
        List<Entry> entries = new ArrayList<>();
        for (Rule rule : applicable) {
            if (rule.parameters() instanceof Rule.Discount kind) {
                discount(in, rule, kind, after, discounts, entries);
            }
        }
        MemberSnapshot.TierBenefits tier = in.member().benefits();
        if (tier != null && tier.discountPercent() != null && tier.discountPercent().signum() > 0) {
            BigDecimal total = takeDiscount(after, discounts, tier.discountPercent(), scale, i -> true);
            if (total.signum() > 0) {
                entries.add(Entry.discount(null, tierName(in), total, Explanations.discount(tierName(in),
                        tier.discountPercent(), total, cart.currency())));
            }
        }
        BigDecimal discounted = sum(after);

        long maxByShare = discounted.multiply(in.program().maxRedeemShare())
                .divide(in.program().pointValue(), 0, RoundingMode.DOWN).min(MAX_LONG).longValueExact();
        long redeemed = Math.min(in.redeemPoints(), maxByShare);
        BigDecimal redeemValue = in.program().pointValue().multiply(BigDecimal.valueOf(redeemed))
                .setScale(scale, RoundingMode.DOWN);
        List<BigDecimal> afterList = List.of(after);
        BigDecimal[] redeemValues = Allocation.money(redeemValue, afterList, scale);
        long[] redeemedByLine = Allocation.largestRemainder(redeemed, afterList);
        BigDecimal[] paid = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            paid[i] = after[i].subtract(redeemValues[i]);
        }

        if (in.member().known()) {
            earn(in, applicable, paid, entries);
        }
        List<Entry> earning = entries.stream().filter(e -> e.byLine() != null).toList();
        BigDecimal rawTotal = earning.stream().map(Entry::raw).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (rawTotal.compareTo(MAX_EARNED) > 0) {
            throw ApiProblem.unprocessable("points_limit_exceeded", "The rules would give "
                    + rawTotal.setScale(0, RoundingMode.DOWN).toPlainString() + " points for this purchase; one purchase "
                    + "may earn at most " + MAX_POINTS_PER_PURCHASE + ". Check the rules' points and multipliers");
        }
        long earned = rawTotal.setScale(0, RoundingMode.DOWN).longValueExact();
        long[] earnedByRule = Allocation.largestRemainder(earned, earning.stream().map(Entry::raw).toList());
        List<BigDecimal> rawByLine = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigDecimal s = BigDecimal.ZERO;
            for (Entry e : earning) {
                s = s.add(e.byLine()[i]);
            }
            rawByLine.add(s);
        }
        long[] earnedByLine = Allocation.largestRemainder(earned, rawByLine);

        List<PricedCart.PricedLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(new PricedCart.PricedLine(amounts[i], discounts[i], paid[i], earnedByLine[i], redeemedByLine[i]));
        }
        List<PricedCart.AppliedRule> applied = new ArrayList<>();
        int r = 0;
        for (Entry e : entries) {
            long points = e.byLine() == null ? 0 : earnedByRule[r++];
            applied.add(new PricedCart.AppliedRule(e.ruleId(), e.name(), points, e.discount().setScale(scale),
                    e.base(), e.explain().text(points)));
        }
        return new PricedCart(sum(amounts), sum(discounts), redeemed, redeemValue, sum(paid), earned, lines, applied,
                coupons, in.member().known() ? effects(applicable) : List.of(), skipped);
    }

    /** What the applicable action rules make the purchase do; only a member's purchase does it. */
    private static List<PricedCart.Effect> effects(List<Rule> applicable) {
        List<PricedCart.Effect> effects = new ArrayList<>();
        for (Rule rule : applicable) {
            if (rule.parameters() instanceof Rule.Action action) {
                effects.add(switch (action) {
                    case Rule.IssueCoupon c -> new PricedCart.IssueCoupon(rule.id(), rule.name(), c.rewardId());
                    case Rule.CauseContribution c -> new PricedCart.ContributeToCause(rule.id(), rule.name(),
                            c.causeId(), c.units());
                });
            }
        }
        return effects;
    }

    private static List<Rule> applicable(Input in, List<PricedCart.Skipped> skipped) {
        List<Rule> result = new ArrayList<>();
        RuleConditions.Activation activation = new RuleConditions.Activation(in.cart(), in.member());
        for (Rule rule : in.rules()) {
            RuleConditions.Verdict verdict = RuleConditions.check(rule, in.cart(), in.member(), activation);
            if (verdict.error() != null) {
                skipped.add(new PricedCart.Skipped(rule.id(), rule.name(), verdict.error()));
            }
            if (verdict.applies() && anyItemMatches(rule, in.cart())) {
                result.add(rule);
                if (!rule.stackable()) {
                    break;
                }
            }
        }
        return result;
    }

    /** A rule limited to items the purchase does not have does not apply (nor stop lower rules). */
    private static boolean anyItemMatches(Rule rule, Cart cart) {
        if (rule.itemFilter() == null) {
            return true;
        }
        for (Cart.Line line : cart.lines()) {
            if (rule.itemMatches(line.sku(), line.category())) {
                return true;
            }
        }
        return false;
    }

    private static void discount(Input in, Rule rule, Rule.Discount kind, BigDecimal[] after, BigDecimal[] discounts,
                                 List<Entry> entries) {
        Cart cart = in.cart();
        BigDecimal percent = switch (kind) {
            case Rule.DiscountPercent p -> p.percent();
            case Rule.DiscountBySpend s -> s.percentFor(in.member().lifetimeSpend());
        };
        if (percent == null) {
            return; // no step reached yet
        }
        BigDecimal total = takeDiscount(after, discounts, percent, cart.scale(),
                i -> rule.itemMatches(cart.lines().get(i).sku(), cart.lines().get(i).category()));
        if (total.signum() == 0) {
            return;
        }
        Text text = switch (kind) {
            case Rule.DiscountPercent p -> Explanations.discount(rule.name(), percent, total, cart.currency());
            case Rule.DiscountBySpend s -> Explanations.discountBySpend(percent,
                    s.steps().stream().filter(step -> step.percent().compareTo(percent) == 0)
                            .map(Rule.DiscountBySpend.Step::spend).findFirst().orElse(BigDecimal.ZERO),
                    total, cart.currency());
        };
        entries.add(Entry.discount(rule.id(), rule.name(), total, text));
    }

    private static BigDecimal takeDiscount(BigDecimal[] after, BigDecimal[] discounts, BigDecimal percent, int scale,
                                           java.util.function.IntPredicate matches) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < after.length; i++) {
            if (!matches.test(i)) {
                continue;
            }
            BigDecimal d = after[i].multiply(percent).divide(HUNDRED, scale, RoundingMode.HALF_UP).min(after[i]);
            after[i] = after[i].subtract(d);
            discounts[i] = discounts[i].add(d);
            total = total.add(d);
        }
        return total;
    }

    private static void earn(Input in, List<Rule> applicable, BigDecimal[] paid, List<Entry> entries) {
        Cart cart = in.cart();
        int n = paid.length;
        BigDecimal[] current = new BigDecimal[n];
        java.util.Arrays.fill(current, BigDecimal.ZERO);
        for (Rule rule : applicable) {
            if (!(rule.parameters() instanceof Rule.Earning kind)) {
                continue;
            }
            BigDecimal[] byLine = new BigDecimal[n];
            BigDecimal base = BigDecimal.ZERO;
            BigDecimal units = BigDecimal.ZERO;
            boolean any = false;
            for (int i = 0; i < n; i++) {
                Cart.Line line = cart.lines().get(i);
                byLine[i] = BigDecimal.ZERO;
                if (!rule.itemMatches(line.sku(), line.category())) {
                    continue;
                }
                any = true;
                base = base.add(paid[i]);
                units = units.add(line.quantity());
                switch (kind) {
                    case Rule.PointsPercent p -> byLine[i] = paid[i].multiply(p.percent()).movePointLeft(2);
                    case Rule.PointsPerItem p -> byLine[i] = line.quantity().multiply(BigDecimal.valueOf(p.points()));
                    case Rule.PointsFixed p -> { } // per purchase, not per line: spread below
                }
            }
            if (kind instanceof Rule.PointsFixed p && any) {
                // Spread over the matching lines by what was paid, so a return takes back its share.
                List<BigDecimal> weights = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    boolean m = rule.itemMatches(cart.lines().get(i).sku(), cart.lines().get(i).category());
                    weights.add(m ? paid[i].max(new BigDecimal("0.0001")) : BigDecimal.ZERO);
                }
                long[] parts = Allocation.largestRemainder(p.points(), weights);
                for (int i = 0; i < n; i++) {
                    byLine[i] = BigDecimal.valueOf(parts[i]);
                }
            }
            BigDecimal raw = cap(in, rule, byLine);
            if (raw.signum() <= 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                current[i] = current[i].add(byLine[i]);
            }
            BigDecimal ruleBase = base;
            BigDecimal ruleUnits = units;
            Explain explain = switch (kind) {
                case Rule.PointsPercent p -> points -> Explanations.pointsPercent(p.percent(), ruleBase, points,
                        cart.currency());
                case Rule.PointsPerItem p -> points -> Explanations.pointsPerItem(p.points(), ruleUnits, points);
                case Rule.PointsFixed p -> points -> Explanations.pointsFixed(rule.name(), points);
            };
            entries.add(new Entry(rule.id(), rule.name(), raw, byLine, BigDecimal.ZERO, base, explain));
        }
        for (Rule rule : applicable) {
            if (rule.parameters() instanceof Rule.Multiplier m) {
                multiply(in, rule, rule.id(), rule.name(), m.factor(), current, entries);
            }
        }
        MemberSnapshot.TierBenefits tier = in.member().benefits();
        if (tier != null && tier.earnMultiplier() != null && tier.earnMultiplier().compareTo(BigDecimal.ONE) > 0) {
            multiply(in, null, null, tierName(in), tier.earnMultiplier(), current, entries);
        }
    }

    private static void multiply(Input in, Rule rule, RuleId id, String name, BigDecimal factor, BigDecimal[] current,
                                 List<Entry> entries) {
        Cart cart = in.cart();
        BigDecimal[] extra = new BigDecimal[current.length];
        for (int i = 0; i < current.length; i++) {
            boolean matches = rule == null || rule.itemMatches(cart.lines().get(i).sku(), cart.lines().get(i).category());
            extra[i] = matches ? current[i].multiply(factor.subtract(BigDecimal.ONE)) : BigDecimal.ZERO;
        }
        BigDecimal raw = rule == null ? sum(extra) : cap(in, rule, extra);
        if (raw.signum() <= 0) {
            return;
        }
        for (int i = 0; i < current.length; i++) {
            current[i] = current[i].add(extra[i]);
        }
        entries.add(new Entry(id, name, raw, extra, BigDecimal.ZERO, BigDecimal.ZERO,
                points -> Explanations.multiplier(name, factor, points)));
    }

    /** Applies the per-purchase cap and the caller's cap (allowance, budget); scales the lines to match. */
    private static BigDecimal cap(Input in, Rule rule, BigDecimal[] byLine) {
        BigDecimal raw = sum(byLine);
        BigDecimal limit = null;
        if (rule.limits().maxPointsPerPurchase() != null) {
            limit = BigDecimal.valueOf(rule.limits().maxPointsPerPurchase());
        }
        Long external = in.pointCaps().get(rule.id());
        if (external != null) {
            BigDecimal e = BigDecimal.valueOf(Math.max(0, external));
            limit = limit == null ? e : limit.min(e);
        }
        if (limit == null || raw.compareTo(limit) <= 0) {
            return raw;
        }
        if (limit.signum() == 0) {
            java.util.Arrays.fill(byLine, BigDecimal.ZERO);
            return BigDecimal.ZERO;
        }
        BigDecimal factor = limit.divide(raw, 20, RoundingMode.DOWN);
        for (int i = 0; i < byLine.length; i++) {
            byLine[i] = byLine[i].multiply(factor);
        }
        // Scaling by a rounded-down factor may leave the sum a hair under the cap; the cap is the truth.
        return limit;
    }

    private static String tierName(Input in) {
        return in.member().tierName() == null ? in.member().tier() : in.member().tierName();
    }

    private static BigDecimal sum(BigDecimal[] values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            s = s.add(v);
        }
        return s;
    }

    /** The explanation once the rule's share of the points is known. */
    private interface Explain {
        Text text(long points);
    }

    /** One applied rule while pricing: its raw points (and per line) or its discount. */
    private record Entry(RuleId ruleId, String name, BigDecimal raw, BigDecimal[] byLine, BigDecimal discount,
                         BigDecimal base, Explain explain) {
        static Entry discount(RuleId ruleId, String name, BigDecimal amount, Text text) {
            return new Entry(ruleId, name, BigDecimal.ZERO, null, amount, BigDecimal.ZERO, points -> text);
        }
    }
}
