package io.kopilka.rules;

import static io.kopilka.rules.PricingTest.cart;
import static io.kopilka.rules.PricingTest.line;
import static io.kopilka.rules.PricingTest.program;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kopilka.program.Program;
import io.kopilka.shared.Names;
import io.kopilka.shared.RuleId;
import io.kopilka.shared.Texts;
import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Coupons priced as the first discounts of a check, table by table: what each kind takes off, that
 * nothing takes off more than is left, how they stack with the rules and the level, and that the
 * points redeemed after them are capped by the share of what is left.
 */
class CouponPricingTest {
    private static final Program PROGRAM = program("1.00", "0.30");
    private static final Cart HAIRCUT_AND_SHAMPOO = cart(line("HAIRCUT", "service", "1", "5000.00"),
            line("SHAMPOO", "shampoo", "2", "1500.00"));

    static CouponOffer percentOff(String percent, Rule.ItemFilter filter) {
        return offer(CouponOffer.Kind.PERCENT_OFF, new BigDecimal(percent), null, filter);
    }

    static CouponOffer amountOff(String amount) {
        return offer(CouponOffer.Kind.AMOUNT_OFF, null, new BigDecimal(amount), null);
    }

    static CouponOffer freeItem(Rule.ItemFilter filter) {
        return offer(CouponOffer.Kind.FREE_ITEM, null, null, filter);
    }

    static CouponOffer offer(CouponOffer.Kind kind, BigDecimal percent, BigDecimal amount, Rule.ItemFilter filter) {
        return new CouponOffer("c-" + kind, "CODE" + kind.ordinal(), "r-" + kind,
                new Names("Купон", Map.of("en", "Coupon")), kind, percent, amount, filter, null, null);
    }

    static Rule.ItemFilter skus(String... skus) {
        return new Rule.ItemFilter(List.of(skus), null);
    }

    static PricedCart price(Cart cart, List<Rule> rules, MemberSnapshot.TierBenefits tier, long redeem,
                            CouponOffer... coupons) {
        MemberSnapshot member = new MemberSnapshot(true, tier == null ? null : "gold", "Gold", tier, Map.of(), null,
                null, BigDecimal.ZERO, 0, List.of());
        return Pricing.price(new Pricing.Input(cart, rules, PROGRAM, member, redeem, Map.of(), List.of(coupons)));
    }

    static PricedCart price(Cart cart, CouponOffer... coupons) {
        return price(cart, List.of(), null, 0, coupons);
    }

    @ParameterizedTest(name = "{0}% off {1} → −{2}, pays {3}")
    @CsvSource({
            // percent, skus the coupon applies to, discount, payable
            "20,  SHAMPOO,         600.00,  7400.00",   // 20% of 2 × 1500
            "20,  HAIRCUT,         1000.00, 7000.00",
            "20,  HAIRCUT SHAMPOO, 1600.00, 6400.00",
            "100, SHAMPOO,         3000.00, 5000.00",
            "33.3333, SHAMPOO,     1000.00, 7000.00",   // 999.999 rounded half-up per line
    })
    void percentOffTakesItsPercentOfTheMatchingItemsOnly(String percent, String skus, String discount,
                                                          String payable) {
        PricedCart priced = price(HAIRCUT_AND_SHAMPOO, percentOff(percent, skus(skus.split(" "))));
        assertThat(priced.discount()).isEqualByComparingTo(discount);
        assertThat(priced.payable()).isEqualByComparingTo(payable);
        assertThat(priced.coupons()).singleElement().satisfies(c ->
                assertThat(c.discount()).isEqualByComparingTo(discount));
    }

    @ParameterizedTest(name = "{0} off a check of {1} → −{2}")
    @CsvSource({
            "500.00,   8000.00, 500.00",
            "8000.00,  8000.00, 8000.00",
            "10000.00, 8000.00, 8000.00",   // never above the check
            "0.005,    8000.00, 0.00",      // below the currency's decimals: nothing, not a rounded-up tenge
            "10000.00, 0.00,    0.00",
    })
    void amountOffIsNeverAboveTheCheck(String amount, String subtotal, String discount) {
        Cart cart = cart(line("A", "goods", "1", subtotal));
        PricedCart priced = price(cart, amountOff(amount));
        assertThat(priced.discount()).isEqualByComparingTo(discount);
        assertThat(priced.payable()).isEqualByComparingTo(new BigDecimal(subtotal).subtract(new BigDecimal(discount)));
        assertThat(priced.lines()).allSatisfy(l -> assertThat(l.paid().signum()).isNotNegative());
    }

    @Test
    void amountOffIsSpreadOverTheLinesSoAReturnGetsItsShare() {
        PricedCart priced = price(HAIRCUT_AND_SHAMPOO, amountOff("800.00"));
        assertThat(priced.lines().get(0).discount()).isEqualByComparingTo("500.00");   // 5000 of 8000
        assertThat(priced.lines().get(1).discount()).isEqualByComparingTo("300.00");   // 3000 of 8000
    }

    @Test
    void freeItemTakesTheCheapestMatchingItemsUnitPrice() {
        Cart cart = cart(line("HAIRCUT", "service", "1", "5000.00"), line("BEARD", "service", "1", "3000.00"),
                line("SHAMPOO", "shampoo", "3", "1500.00"));
        PricedCart any = price(cart, freeItem(new Rule.ItemFilter(null, List.of("service"))));
        assertThat(any.discount()).isEqualByComparingTo("3000.00");
        assertThat(any.lines().get(1).discount()).isEqualByComparingTo("3000.00");
        // One unit of a line of three: one shampoo's price, not the line's.
        PricedCart shampoo = price(cart, freeItem(skus("SHAMPOO")));
        assertThat(shampoo.discount()).isEqualByComparingTo("1500.00");
    }

    @Test
    void aSecondFreeItemTakesWhatTheFirstLeft() {
        Cart cart = cart(line("HAIRCUT", "service", "1", "5000.00"));
        PricedCart priced = price(cart, freeItem(skus("HAIRCUT")), freeItem(skus("HAIRCUT")));
        assertThat(priced.discount()).isEqualByComparingTo("5000.00");
        assertThat(priced.coupons()).extracting(PricedCart.AppliedCoupon::discount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("5000.00"),
                        new BigDecimal("0.00"));
        assertThat(priced.payable()).isEqualByComparingTo("0.00");
    }

    @Test
    void aGiftOrAnExperienceChangesNothingOnTheCheck() {
        PricedCart priced = price(HAIRCUT_AND_SHAMPOO, offer(CouponOffer.Kind.GIFT, null, null, null),
                offer(CouponOffer.Kind.EXPERIENCE, null, null, null));
        assertThat(priced.discount()).isEqualByComparingTo("0.00");
        assertThat(priced.coupons()).hasSize(2);
        assertThat(Texts.messages().render(priced.coupons().get(0).explanation(), "ru")).isEqualTo("Купон «Купон» принят");
    }

    /**
     * The order docs/api.md fixes: coupons, then the rules' discounts, then the level's, each on what
     * the one before left; then points redeemed, capped by the share of what is left; then earning
     * on what is paid.
     */
    @Test
    void couponsRulesAndTheLevelCompoundThenRedemptionIsCappedByWhatIsLeft() {
        Rule tenPercent = Rule.unconditional(RuleId.next(), "−10%", new Rule.DiscountPercent(new BigDecimal("10")));
        Rule fivePercentBack = PricingTest.percent("5% back", "5");
        var gold = new MemberSnapshot.TierBenefits(BigDecimal.ONE, new BigDecimal("5"));
        PricedCart priced = price(HAIRCUT_AND_SHAMPOO, List.of(tenPercent, fivePercentBack), gold, 5000,
                percentOff("20", skus("SHAMPOO")), amountOff("400.00"));
        // 8000 − 600 (20% of the shampoo) = 7400; − 400 = 7000; − 10% = 6300; − 5% (gold) = 5985.
        assertThat(priced.discount()).isEqualByComparingTo("2015.00");
        // 30% of 5985 = 1795.50 → 1795 points at 1.00.
        assertThat(priced.pointsRedeemed()).isEqualTo(1795);
        assertThat(priced.payable()).isEqualByComparingTo("4190.00");
        assertThat(priced.pointsEarned()).isEqualTo(209);   // 5% of 4190 = 209.5, floored
        assertThat(priced.coupons()).extracting(PricedCart.AppliedCoupon::discount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("600.00"), new BigDecimal("400.00"));
        assertThat(priced.lines()).allSatisfy(l -> assertThat(l.paid().signum()).isNotNegative());
    }

    @Test
    void aCouponThatDoesNotFitThePurchaseRefusesItWithItsReason() {
        CouponOffer elsewhere = new CouponOffer("c", "K7M2-9QXD-4T", "r", Names.of("Стрижка"),
                CouponOffer.Kind.AMOUNT_OFF, null, BigDecimal.TEN, null, null, List.of("mall"));
        CouponOffer big = new CouponOffer("c", "K7M2-9QXD-4T", "r", Names.of("Стрижка"),
                CouponOffer.Kind.AMOUNT_OFF, null, BigDecimal.TEN, null, new BigDecimal("8000.01"), null);
        assertThat(reason(() -> price(HAIRCUT_AND_SHAMPOO, elsewhere))).isEqualTo("wrong_store");
        assertThat(reason(() -> price(HAIRCUT_AND_SHAMPOO, big))).isEqualTo("min_spend");
        assertThat(reason(() -> price(HAIRCUT_AND_SHAMPOO, percentOff("10", skus("BEARD"))))).isEqualTo("no_matching_items");
        assertThat(reason(() -> price(HAIRCUT_AND_SHAMPOO, freeItem(skus("BEARD"))))).isEqualTo("no_matching_items");
        // Exactly the minimum is enough.
        CouponOffer exact = new CouponOffer("c", "K7M2-9QXD-4T", "r", Names.of("Стрижка"),
                CouponOffer.Kind.AMOUNT_OFF, null, BigDecimal.TEN, null, new BigDecimal("8000.00"), List.of("main"));
        assertThat(price(HAIRCUT_AND_SHAMPOO, exact).discount()).isEqualByComparingTo("10.00");
    }

    @Test
    void theExplanationNamesTheCouponInTheReadersLanguage() {
        PricedCart priced = price(HAIRCUT_AND_SHAMPOO, amountOff("500.00"));
        assertThat(priced.coupons().get(0).explanationIn("ru")).isEqualTo("Купон «Купон»: −500 ₸");
        assertThat(priced.coupons().get(0).explanationIn("en")).isEqualTo("Coupon “Coupon”: −500 ₸");
    }

    private static String reason(Runnable pricing) {
        try {
            pricing.run();
        } catch (ApiProblem problem) {
            assertThat(problem.code()).isEqualTo("coupon_invalid");
            assertThat(problem.status()).isEqualTo(422);
            return (String) problem.properties().get("reason");
        }
        throw new AssertionError("the purchase was priced");
    }

    @Test
    void actionRulesBecomeEffectsOfAMembersPurchaseOnly() {
        Rule coupon = Rule.unconditional(RuleId.next(), "Coupon on every purchase", new Rule.IssueCoupon("r1"));
        Rule tree = Rule.unconditional(RuleId.next(), "A tree", new Rule.CauseContribution("c1", 2));
        PricedCart member = price(HAIRCUT_AND_SHAMPOO, List.of(coupon, tree), null, 0);
        assertThat(member.effects()).containsExactly(new PricedCart.IssueCoupon(coupon.id(), coupon.name(), "r1"),
                new PricedCart.ContributeToCause(tree.id(), tree.name(), "c1", 2));
        assertThat(member.applied()).isEmpty();
        PricedCart guest = PricingTest.price(HAIRCUT_AND_SHAMPOO, List.of(coupon, tree), PROGRAM, 0, false);
        assertThat(guest.effects()).isEmpty();
    }
}
