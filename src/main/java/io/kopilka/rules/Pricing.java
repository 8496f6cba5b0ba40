package io.kopilka.rules;

import io.kopilka.program.Program;
import io.kopilka.shared.Allocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices a cart, in the order API.md fixes: item discounts, then points redemption, then earning on
 * what the customer actually pays. Pure: no I/O, no clock, the same answer for the same input.
 *
 * <p>Rounding: money lines are rounded half-up to the currency's decimals; redemption is capped at
 * {@code maxRedeemShare} of the check after discounts, floored to whole points; earned points are
 * summed exactly over all rules and floored once. The whole is then split back over lines and rules
 * by largest remainder, so the parts always add up to the total shown.
 */
public final class Pricing {
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private Pricing() {
    }

    /**
     * @param rules          live rules, highest priority first
     * @param redeemPoints   points the customer asked to spend (already checked against the balance)
     * @param earns          false for a guest: nobody to give points to
     * @param language       the member's language for the explanations
     */
    public static PricedCart price(Cart cart, List<Rule> rules, Program program, long redeemPoints, boolean earns,
                                   String language) {
        int scale = cart.scale();
        int n = cart.lines().size();
        List<BigDecimal> amounts = new ArrayList<>(n);
        for (Cart.Line line : cart.lines()) {
            amounts.add(line.quantity().multiply(line.unitPrice()).setScale(scale, RoundingMode.HALF_UP));
        }
        BigDecimal subtotal = sum(amounts);
        List<BigDecimal> discounts = new ArrayList<>();
        amounts.forEach(a -> discounts.add(BigDecimal.ZERO.setScale(scale)));
        List<BigDecimal> afterDiscount = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            afterDiscount.add(amounts.get(i).subtract(discounts.get(i)));
        }
        BigDecimal discounted = sum(afterDiscount);

        long maxByShare = discounted.multiply(program.maxRedeemShare())
                .divide(program.pointValue(), 0, RoundingMode.DOWN).longValueExact();
        long redeemed = Math.min(redeemPoints, maxByShare);
        BigDecimal redeemValue = program.pointValue().multiply(BigDecimal.valueOf(redeemed))
                .setScale(scale, RoundingMode.DOWN);
        BigDecimal[] redeemValues = Allocation.money(redeemValue, afterDiscount, scale);
        long[] redeemedByLine = Allocation.largestRemainder(redeemed, afterDiscount);
        List<BigDecimal> paid = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            paid.add(afterDiscount.get(i).subtract(redeemValues[i]));
        }
        BigDecimal payable = sum(paid);

        Earning earning = earns ? earn(cart, rules, paid) : Earning.NONE;
        long earned = earning.total().setScale(0, RoundingMode.DOWN).longValueExact();
        long[] earnedByLine = Allocation.largestRemainder(earned, earning.byLine(n));
        long[] earnedByRule = Allocation.largestRemainder(earned, earning.rules().stream().map(RuleEarning::raw).toList());

        List<PricedCart.PricedLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lines.add(new PricedCart.PricedLine(amounts.get(i), discounts.get(i), paid.get(i), earnedByLine[i],
                    redeemedByLine[i]));
        }
        List<PricedCart.AppliedRule> applied = new ArrayList<>();
        for (int r = 0; r < earning.rules().size(); r++) {
            RuleEarning e = earning.rules().get(r);
            BigDecimal percent = ((Rule.PointsPercent) e.rule().parameters()).percent();
            applied.add(new PricedCart.AppliedRule(e.rule().id(), e.rule().name(), earnedByRule[r],
                    BigDecimal.ZERO.setScale(scale), e.base(),
                    Explanations.pointsPercent(language, percent, e.base(), earnedByRule[r], cart.currency())));
        }
        return new PricedCart(subtotal, sum(discounts), redeemed, redeemValue, payable, earned, lines, applied);
    }

    private record RuleEarning(Rule rule, BigDecimal raw, BigDecimal base, BigDecimal[] byLine) {
    }

    private record Earning(List<RuleEarning> rules) {
        static final Earning NONE = new Earning(List.of());

        BigDecimal total() {
            return rules.stream().map(RuleEarning::raw).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        List<BigDecimal> byLine(int n) {
            List<BigDecimal> result = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                BigDecimal s = BigDecimal.ZERO;
                for (RuleEarning r : rules) {
                    s = s.add(r.byLine()[i]);
                }
                result.add(s);
            }
            return result;
        }
    }

    private static Earning earn(Cart cart, List<Rule> rules, List<BigDecimal> paid) {
        List<RuleEarning> results = new ArrayList<>();
        for (Rule rule : rules) {
            if (!RuleConditions.applies(rule, cart)) {
                continue;
            }
            BigDecimal[] byLine = new BigDecimal[paid.size()];
            BigDecimal base = BigDecimal.ZERO;
            for (int i = 0; i < paid.size(); i++) {
                Cart.Line line = cart.lines().get(i);
                boolean matches = rule.itemMatches(line.sku(), line.category());
                byLine[i] = BigDecimal.ZERO;
                if (matches && rule.parameters() instanceof Rule.PointsPercent p) {
                    byLine[i] = paid.get(i).multiply(p.percent()).divide(HUNDRED);
                    base = base.add(paid.get(i));
                }
            }
            BigDecimal raw = sum(List.of(byLine));
            if (rule.maxPointsPerPurchase() != null && raw.compareTo(BigDecimal.valueOf(rule.maxPointsPerPurchase())) > 0) {
                BigDecimal factor = BigDecimal.valueOf(rule.maxPointsPerPurchase()).divide(raw, 20, RoundingMode.DOWN);
                for (int i = 0; i < byLine.length; i++) {
                    byLine[i] = byLine[i].multiply(factor);
                }
                raw = BigDecimal.valueOf(rule.maxPointsPerPurchase());
            }
            if (raw.signum() > 0) {
                results.add(new RuleEarning(rule, raw, base, byLine));
                if (!rule.stackable()) {
                    break;
                }
            }
        }
        return new Earning(results);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
