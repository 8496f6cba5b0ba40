package io.kopilka.rules;

import io.kopilka.shared.Allocation;
import io.kopilka.shared.Money;
import io.kopilka.shared.Text;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The first step of {@link Pricing}: the coupons handed over, in the order the till sent them, each
 * on what earlier coupons left of each line. A coupon that does not fit the purchase refuses the
 * whole purchase (422 {@code coupon_invalid} with its {@code reason}) rather than being dropped, so
 * the cashier can tell the customer why.
 */
final class CouponPricing {
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private CouponPricing() {
    }

    /** Lowers {@code after} and raises {@code discounts} line by line; the coupons as applied. */
    static List<PricedCart.AppliedCoupon> apply(Cart cart, List<CouponOffer> coupons, BigDecimal subtotal,
                                                BigDecimal[] after, BigDecimal[] discounts) {
        List<PricedCart.AppliedCoupon> applied = new ArrayList<>(coupons.size());
        for (CouponOffer coupon : coupons) {
            check(cart, coupon, subtotal);
            BigDecimal[] taken = switch (coupon.kind()) {
                case PERCENT_OFF -> percentOff(cart, coupon, after);
                case AMOUNT_OFF -> amountOff(cart, coupon, after);
                case FREE_ITEM -> freeItem(cart, coupon, after);
                case GIFT, EXPERIENCE -> zeros(after.length, cart.scale());
            };
            BigDecimal total = BigDecimal.ZERO.setScale(cart.scale());
            for (int i = 0; i < after.length; i++) {
                after[i] = after[i].subtract(taken[i]);
                discounts[i] = discounts[i].add(taken[i]);
                total = total.add(taken[i]);
            }
            Text explanation = switch (coupon.kind()) {
                case PERCENT_OFF, AMOUNT_OFF, FREE_ITEM -> Explanations.coupon(coupon.name(),
                        new Money(total, cart.currency()));
                case GIFT, EXPERIENCE -> Explanations.couponHandedOver(coupon.name());
            };
            applied.add(new PricedCart.AppliedCoupon(coupon.couponId(), coupon.code(), coupon.rewardId(), total,
                    explanation));
        }
        return applied;
    }

    private static void check(Cart cart, CouponOffer coupon, BigDecimal subtotal) {
        if (coupon.stores() != null && !coupon.stores().isEmpty() && !coupon.stores().contains(cart.storeCode())) {
            throw invalid(coupon, "wrong_store", "is not valid in store " + cart.storeCode());
        }
        if (coupon.minSpend() != null && subtotal.compareTo(coupon.minSpend()) < 0) {
            throw invalid(coupon, "min_spend", "needs a purchase of at least " + coupon.minSpend().toPlainString());
        }
        boolean needsItems = coupon.kind() == CouponOffer.Kind.PERCENT_OFF || coupon.kind() == CouponOffer.Kind.FREE_ITEM;
        if (needsItems && cart.lines().stream().noneMatch(coupon::matches)) {
            throw invalid(coupon, "no_matching_items", "applies to none of the purchase's items");
        }
    }

    static ApiProblem invalid(CouponOffer coupon, String reason, String why) {
        return new ApiProblem(422, "coupon_invalid", "Coupon " + coupon.code() + " " + why,
                List.of(new ApiProblem.FieldError("couponCodes", coupon.code() + ": " + reason)),
                Map.of("reason", reason, "couponCode", coupon.code()));
    }

    private static BigDecimal[] percentOff(Cart cart, CouponOffer coupon, BigDecimal[] after) {
        BigDecimal[] taken = zeros(after.length, cart.scale());
        for (int i = 0; i < after.length; i++) {
            if (coupon.matches(cart.lines().get(i))) {
                taken[i] = after[i].multiply(coupon.percent()).divide(HUNDRED, cart.scale(), RoundingMode.HALF_UP)
                        .min(after[i]);
            }
        }
        return taken;
    }

    /** Off the whole check, spread over the lines by what is left of each; never more than is left. */
    private static BigDecimal[] amountOff(Cart cart, CouponOffer coupon, BigDecimal[] after) {
        BigDecimal left = Arrays.stream(after).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal amount = coupon.amount().setScale(cart.scale(), RoundingMode.DOWN).min(left);
        return Allocation.money(amount, List.of(after), cart.scale());
    }

    /** One unit of the cheapest matching item, as much of it as earlier coupons left. */
    private static BigDecimal[] freeItem(Cart cart, CouponOffer coupon, BigDecimal[] after) {
        BigDecimal[] taken = zeros(after.length, cart.scale());
        int cheapest = -1;
        for (int i = 0; i < after.length; i++) {
            Cart.Line line = cart.lines().get(i);
            if (coupon.matches(line) && after[i].signum() > 0
                    && (cheapest < 0 || line.unitPrice().compareTo(cart.lines().get(cheapest).unitPrice()) < 0)) {
                cheapest = i;
            }
        }
        if (cheapest >= 0) {
            BigDecimal unit = cart.lines().get(cheapest).unitPrice().setScale(cart.scale(), RoundingMode.HALF_UP);
            taken[cheapest] = unit.min(after[cheapest]);
        }
        return taken;
    }

    private static BigDecimal[] zeros(int n, int scale) {
        BigDecimal[] zeros = new BigDecimal[n];
        Arrays.fill(zeros, BigDecimal.ZERO.setScale(scale));
        return zeros;
    }
}
