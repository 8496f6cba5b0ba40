package io.kopilka.rules;

import io.kopilka.shared.RuleId;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.program.Program;
import io.kopilka.shared.Money;
import io.kopilka.shared.Texts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pricing, table by table: the redemption cap (floored, in points, for any point value), money lines
 * rounded half-up, and earned points summed exactly over the rules and floored once.
 */
class PricingTest {
    private static final Instant AT = Instant.parse("2026-11-22T09:00:00Z");
    private static final Currency KZT = Currency.getInstance("KZT");

    static Cart cart(Currency currency, Cart.Line... lines) {
        return new Cart(AT, "main", "pos", List.of(lines), currency, ZoneId.of("Asia/Almaty"));
    }

    static Cart cart(Cart.Line... lines) {
        return cart(KZT, lines);
    }

    static Cart.Line line(String sku, String category, String quantity, String unitPrice) {
        return new Cart.Line(sku, sku, category, new BigDecimal(quantity), new BigDecimal(unitPrice));
    }

    static Cart.Line line(String quantity, String unitPrice) {
        return line("A", "goods", quantity, unitPrice);
    }

    static Rule percent(String name, String percent) {
        return Rule.unconditional(RuleId.next(), name, new Rule.PointsPercent(new BigDecimal(percent)));
    }

    /** The pricing of a member purchase ({@code earns}) or a guest one, with no caps. */
    static PricedCart price(Cart cart, List<Rule> rules, Program program, long redeem, boolean earns) {
        MemberSnapshot member = earns ? new MemberSnapshot(true, null, null, null, java.util.Map.of(), null, null,
                BigDecimal.ZERO, 0, List.of()) : MemberSnapshot.GUEST;
        return Pricing.price(new Pricing.Input(cart, rules, program, member, redeem, java.util.Map.of()));
    }

    static Program program(String pointValue, String maxRedeemShare) {
        Program d = Program.defaults();
        return new Program(1, new BigDecimal(pointValue), new BigDecimal(maxRedeemShare), 0, 0, d.expiry(),
                d.expiryReminderDays(), 0, 0, d.referral(), 30);
    }

    @ParameterizedTest(name = "{0} at point value {1}, share {2}, asking {3} → {4} points worth {5}, pays {6}")
    @CsvSource({
            // subtotal, pointValue, share, requested, redeemed, redeemValue, payable
            "1000.00, 1.00,   0.30, 500,     300,  300.00, 700.00",
            "1000.00, 1.00,   0.30, 200,     200,  200.00, 800.00",
            "1000.50, 1.00,   0.30, 1000,    300,  300.00, 700.50",   // 300.15 floored to 300 points
            "1000.00, 0.50,   0.30, 1000,    600,  300.00, 700.00",
            "1000.00, 3,      0.30, 1000,    100,  300.00, 700.00",
            "1000.00, 3,      0.30, 50,      50,   150.00, 850.00",
            "1000.00, 7,      0.30, 1000,    42,   294.00, 706.00",   // 300 / 7 = 42.86 → 42
            "999.99,  0.30,   0.30, 5000,    999,  299.70, 700.29",   // 299.997 / 0.3 = 999.99 → 999
            "1000.00, 0.0001, 0.30, 12345,   12345, 1.23,  998.77",   // 1.2345 → 1.23: never more than the points are worth
            "100.00,  1,      0,    100,     0,    0.00,   100.00",
            "100.00,  1,      1,    100,     100,  100.00, 0.00",
            "100.00,  1,      1,    250,     100,  100.00, 0.00",
            "0.99,    1,      0.30, 10,      0,    0.00,   0.99",
    })
    void redemptionIsCappedByTheShareAndFlooredToWholePoints(String subtotal, String pointValue, String share,
                                                              long requested, long redeemed, String redeemValue,
                                                              String payable) {
        PricedCart p = price(cart(line("1", subtotal)), List.of(), program(pointValue, share), requested,
                true);
        assertThat(p.pointsRedeemed()).isEqualTo(redeemed);
        assertThat(p.redeemValue()).isEqualByComparingTo(redeemValue);
        assertThat(p.payable()).isEqualByComparingTo(payable);
        assertThat(p.payable().add(p.redeemValue())).isEqualByComparingTo(subtotal);
    }

    @Test
    void aRedemptionOfTheFullCapWithPointValue100IsStillExact() {
        // 0.00 payable check: 100% share, 1 point worth 100 ₸ on a 250 ₸ check → 2 points, 200 ₸.
        PricedCart p = price(cart(line("1", "250.00")), List.of(), program("100", "1"), 5, true);
        assertThat(p.pointsRedeemed()).isEqualTo(2);
        assertThat(p.redeemValue()).isEqualByComparingTo("200.00");
        assertThat(p.payable()).isEqualByComparingTo("50.00");
    }

    @ParameterizedTest(name = "{0} × {1} = {2}")
    @CsvSource({
            "1,     5000.00, 5000.00",
            "0.333, 10.00,   3.33",
            "1.5,   0.05,    0.08",     // 0.075 half-up
            "2.5,   0.01,    0.03",     // 0.025 half-up
            "0.125, 0.10,    0.01",     // 0.0125 down
            "0.005, 1,       0.01",     // 0.005 half-up
            "0.004, 1,       0.00",
            "3,     33.335,  100.01",   // 100.005 half-up
            "1.001, 999.99,  1000.99",  // 1000.98999 → 1000.99
    })
    void moneyLinesAreRoundedHalfUpToTheCurrencyDecimals(String quantity, String unitPrice, String amount) {
        PricedCart p = price(cart(line(quantity, unitPrice)), List.of(), program("1", "0.3"), 0, true);
        assertThat(p.lines().getFirst().amount()).isEqualByComparingTo(amount);
        assertThat(p.lines().getFirst().amount().scale()).isEqualTo(2);
        assertThat(p.subtotal()).isEqualByComparingTo(amount);
    }

    @Test
    void theSubtotalIsTheSumOfTheRoundedLines() {
        PricedCart p = price(cart(line("A", "x", "1.5", "0.05"), line("B", "x", "1.5", "0.05")), List.of(),
                program("1", "0.3"), 0, true);
        assertThat(p.subtotal()).isEqualByComparingTo("0.16"); // 0.08 + 0.08, not round(0.15)
    }

    @Test
    void aCurrencyWithoutDecimalsRoundsToWholeUnits() {
        PricedCart p = price(cart(Currency.getInstance("JPY"), line("1.5", "1")), List.of(),
                program("1", "0.3"), 0, true);
        assertThat(p.subtotal()).isEqualByComparingTo("2");
        assertThat(p.subtotal().scale()).isZero();
    }

    @ParameterizedTest(name = "{0} of {1} with rules {2} → {3} points")
    @CsvSource({
            // unitPrice, redeem, percents (space-separated), earned
            "7800.00, 0,   5,           390",
            "8000.00, 100, 5,           395",     // earned on what is paid after redemption
            "100.20,  0,   2.5 2.5,     5",       // 2.505 + 2.505 = 5.01 → 5 (floored per rule it would be 4)
            "150.00,  0,   1 1 1,       4",       // 1.5 × 3 = 4.5 → 4 (per rule: 3)
            "99.99,   0,   1,           0",       // 0.9999 → 0
            "33.33,   0,   3 3 3 1,     3",       // 0.9999 × 3 + 0.3333 = 3.3330 → 3
            "1000.00, 0,   100,         1000",
    })
    void earnedPointsAreSummedExactlyAndFlooredOnce(String unitPrice, long redeem, String percents, long earned) {
        List<Rule> rules = new ArrayList<>();
        String[] ps = percents.trim().split("\\s+");
        for (int i = 0; i < ps.length; i++) {
            rules.add(percent("r" + i, ps[i]));
        }
        PricedCart p = price(cart(line("1", unitPrice)), rules, program("1", "0.3"), redeem, true);
        assertThat(p.pointsEarned()).isEqualTo(earned);
        assertThat(p.applied().stream().mapToLong(PricedCart.AppliedRule::points).sum()).isEqualTo(earned);
        assertThat(p.lines().stream().mapToLong(PricedCart.PricedLine::pointsEarned).sum()).isEqualTo(earned);
    }

    @Test
    void theFlooredTotalIsSplitOverRulesByLargestRemainder() {
        PricedCart p = price(cart(line("1", "100.20")), List.of(percent("a", "2.5"), percent("b", "2.5")),
                program("1", "0.3"), 0, true);
        assertThat(p.applied()).extracting(PricedCart.AppliedRule::points).containsExactly(3L, 2L);
        assertThat(p.applied()).extracting(PricedCart.AppliedRule::base)
                .allSatisfy(b -> assertThat(b).isEqualByComparingTo("100.20"));
    }

    @Test
    void aGuestEarnsNothingAndNoRuleIsListed() {
        PricedCart p = price(cart(line("1", "1000")), List.of(percent("5%", "5")), program("1", "0.3"), 0,
                false);
        assertThat(p.pointsEarned()).isZero();
        assertThat(p.applied()).isEmpty();
    }

    @Test
    void redeemedPointsAndTheirValueAreSpreadOverLinesExactly() {
        PricedCart p = price(cart(line("A", "x", "1", "100.00"), line("B", "x", "1", "200.00"),
                        line("C", "x", "1", "33.34")), List.of(percent("5%", "5")), program("1", "0.3"), 100, true);
        assertThat(p.pointsRedeemed()).isEqualTo(100);
        assertThat(p.lines().stream().mapToLong(PricedCart.PricedLine::pointsRedeemed).sum()).isEqualTo(100);
        BigDecimal paid = p.lines().stream().map(PricedCart.PricedLine::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(paid).isEqualByComparingTo(p.payable()).isEqualByComparingTo("233.34");
        assertThat(p.pointsEarned()).isEqualTo(11); // 5% of 233.34 = 11.667
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "ru | 1    | 5% баллами с 20 ₸: 1 балл",
            "ru | 2    | 5% баллами с 40 ₸: 2 балла",
            "ru | 4    | 5% баллами с 80 ₸: 4 балла",
            "ru | 5    | 5% баллами с 100 ₸: 5 баллов",
            "ru | 11   | 5% баллами с 220 ₸: 11 баллов",
            "ru | 12   | 5% баллами с 240 ₸: 12 баллов",
            "ru | 14   | 5% баллами с 280 ₸: 14 баллов",
            "ru | 21   | 5% баллами с 420 ₸: 21 балл",
            "ru | 22   | 5% баллами с 440 ₸: 22 балла",
            "ru | 111  | 5% баллами с 2\u202F220 ₸: 111 баллов",
            "ru | 390  | 5% баллами с 7\u202F800 ₸: 390 баллов",
            "ru | 1001 | 5% баллами с 20\u202F020 ₸: 1001 балл",
            "kk | 1    | 20 ₸ сомасынан 5%: 1 ұпай",
            "kk | 390  | 7\u202F800 ₸ сомасынан 5%: 390 ұпай",
            "en | 1    | 5% back on 20 ₸: 1 point",
            "en | 390  | 5% back on 7\u202F800 ₸: 390 points",
    })
    void explanationsSpeakTheMembersLanguage(String language, long points, String expected) {
        BigDecimal price = BigDecimal.valueOf(points * 20);
        PricedCart p = price(cart(line("1", price.toPlainString())), List.of(percent("5%", "5")),
                program("1", "0.3"), 0, true);
        assertThat(p.pointsEarned()).isEqualTo(points);
        assertThat(p.applied().getFirst().explanationIn(language)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0, баллов", "1, балл", "2, балла", "3, балла", "4, балла", "5, баллов", "10, баллов", "11, баллов",
            "12, баллов", "13, баллов", "14, баллов", "15, баллов", "20, баллов", "21, балл", "24, балла",
            "100, баллов", "101, балл", "102, балла", "111, баллов", "112, баллов", "114, баллов", "121, балл",
            "1000011, баллов", "1000021, балл", "-1, балл", "-12, баллов",
    })
    void russianPluralOfPoints(long n, String word) {
        assertThat(Texts.messages().render(Explanations.pointsFixed("Бонус", n), "ru"))
                .isEqualTo("Бонус: " + n + " " + word);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "7800.00 | KZT | 7\u202F800 ₸",
            "1250.50 | KZT | 1\u202F250,50 ₸",
            "1250.5  | RUB | 1\u202F250,50 ₽",
            "12.5    | USD | $12.50",
            "1234567 | USD | $1\u202F234\u202F567",
            "0.005   | KZT | 0,01 ₸",
            "12.50   | EUR | 12,50 €",
            "99      | GBP | 99 GBP",
    })
    void moneyIsWrittenAsReceiptsPrintIt(String amount, String currency, String expected) {
        assertThat(new Money(new BigDecimal(amount), Currency.getInstance(currency)).printed()).isEqualTo(expected);
    }

    @Test
    void percentIsWrittenWithoutTrailingZeros() {
        assertThat(Texts.messages().render(Explanations.pointsPercent(new BigDecimal("2.50"), new BigDecimal("100"), 2,
                KZT), "en"))
                .isEqualTo("2.5% back on 100 ₸: 2 points");
        assertThat(Texts.messages().render(Explanations.pointsPercent(new BigDecimal("10"), new BigDecimal("100"), 10,
                KZT), "fr"))
                .as("an unknown language falls back to English")
                .isEqualTo("10% back on 100 ₸: 10 points");
    }

    @Test
    void pricingIsPureSameInputSameAnswer() {
        Cart c = cart(line("A", "x", "2", "1500.00"), line("B", "y", "1", "5000.00"));
        List<Rule> rules = List.of(percent("a", "5"), percent("b", "1.5"));
        PricedCart first = price(c, rules, program("1", "0.3"), 200, true);
        PricedCart second = price(c, rules, program("1", "0.3"), 200, true);
        assertThat(second).isEqualTo(first);
        assertThat(Arrays.asList(first.pointsEarned(), first.pointsRedeemed())).containsExactly(507L, 200L);
    }
}
