package io.kopilka.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any series of partial returns, by amount and by items, that ends with everything returned takes
 * back exactly what the purchase earned and gives back exactly what it redeemed; no step ever takes
 * back more than was earned; returning more than is left is refused.
 */
class ReturnCalculationTest {
    private static final int SCALE = 2;

    /** A purchase line as stored after the sale: nothing returned yet. */
    static ReturnCalculation.Line line(String sku, String quantity, String paid, long earned, long redeemed) {
        return new ReturnCalculation.Line(sku, new BigDecimal(quantity), new BigDecimal(paid), earned, redeemed,
                BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
    }

    /** One step of a scenario, interpreted against what is left at that moment. */
    record Intent(boolean byAmount, int line, int percent) {
    }

    record Scenario(List<ReturnCalculation.Line> lines, List<Intent> steps, boolean finishByAmount) {
    }

    @Property(tries = 1000)
    void partialReturnsEndingWithEverythingAddUpExactly(@ForAll("scenarios") Scenario s) {
        List<ReturnCalculation.Line> state = s.lines();
        long earned = state.stream().mapToLong(ReturnCalculation.Line::earned).sum();
        long redeemed = state.stream().mapToLong(ReturnCalculation.Line::redeemed).sum();
        BigDecimal paid = state.stream().map(ReturnCalculation.Line::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        long reversed = 0;
        long refunded = 0;
        BigDecimal amount = BigDecimal.ZERO;

        List<ReturnOrder> orders = new ArrayList<>();
        for (Intent step : s.steps()) {
            ReturnOrder order = partial(state, step);
            if (order == null) {
                continue;
            }
            orders.add(order);
            ReturnCalculation.Result r = ReturnCalculation.of(state, order, SCALE);
            assertThat(r.pointsReversed()).as("reversed in %s", order).isNotNegative();
            assertThat(r.pointsRefunded()).as("refunded in %s", order).isNotNegative();
            reversed += r.pointsReversed();
            refunded += r.pointsRefunded();
            amount = amount.add(r.amount());
            state = r.lines();
            assertThat(reversed).as("cumulative reversed after %s", orders).isLessThanOrEqualTo(earned);
            assertThat(refunded).as("cumulative refunded after %s", orders).isLessThanOrEqualTo(redeemed);
            assertThat(amount).as("cumulative amount after %s", orders).isLessThanOrEqualTo(paid);
            assertLinesWithinBounds(state);
        }

        ReturnOrder rest = rest(state, s.finishByAmount());
        if (rest != null) {
            orders.add(rest);
            ReturnCalculation.Result r = ReturnCalculation.of(state, rest, SCALE);
            reversed += r.pointsReversed();
            refunded += r.pointsRefunded();
            amount = amount.add(r.amount());
            state = r.lines();
            assertLinesWithinBounds(state);
        }

        assertThat(reversed).as("Σ reversed after %s", orders).isEqualTo(earned);
        assertThat(refunded).as("Σ refunded after %s", orders).isEqualTo(redeemed);
        assertThat(amount).as("Σ amount after %s", orders).isEqualByComparingTo(paid);

        // Nothing is left: one more cent is an over-return, and so is one more unit when every unit went back.
        List<ReturnCalculation.Line> done = state;
        ApiProblem more = catchThrowableOfType(ApiProblem.class,
                () -> ReturnCalculation.of(done, new ReturnOrder("more", null, new BigDecimal("0.01")), SCALE));
        assertThat(more).isNotNull();
        assertThat(more.status()).isEqualTo(422);
        assertThat(more.code()).isEqualTo("over_return");
        if (done.stream().allMatch(l -> l.returnedQuantity().compareTo(l.quantity()) >= 0)) {
            ApiProblem unit = catchThrowableOfType(ApiProblem.class, () -> ReturnCalculation.of(done,
                    new ReturnOrder("more", List.of(new ReturnOrder.ReturnedItem(done.getFirst().sku(), new BigDecimal("0.001"))),
                            null), SCALE));
            assertThat(unit).isNotNull();
            assertThat(unit.code()).isEqualTo("over_return");
        }
    }

    @Property(tries = 300)
    void returningMoreThanIsLeftIsRefused(@ForAll("scenarios") Scenario s) {
        List<ReturnCalculation.Line> lines = s.lines();
        BigDecimal paid = lines.stream().map(ReturnCalculation.Line::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        ApiProblem byAmount = catchThrowableOfType(ApiProblem.class, () -> ReturnCalculation.of(lines,
                new ReturnOrder("over", null, paid.add(new BigDecimal("0.01"))), SCALE));
        assertThat(byAmount).isNotNull();
        assertThat(byAmount.code()).isEqualTo("over_return");

        String sku = lines.getFirst().sku();
        BigDecimal bought = lines.stream().filter(l -> l.sku().equals(sku)).map(ReturnCalculation.Line::quantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        ApiProblem byItems = catchThrowableOfType(ApiProblem.class, () -> ReturnCalculation.of(lines,
                new ReturnOrder("over", List.of(new ReturnOrder.ReturnedItem(sku, bought.add(new BigDecimal("0.001")))), null),
                SCALE));
        assertThat(byItems).isNotNull();
        assertThat(byItems.code()).isEqualTo("over_return");
    }

    private static void assertLinesWithinBounds(List<ReturnCalculation.Line> lines) {
        for (ReturnCalculation.Line l : lines) {
            assertThat(l.reversed()).as("reversed of %s", l).isBetween(0L, l.earned());
            assertThat(l.refunded()).as("refunded of %s", l).isBetween(0L, l.redeemed());
            assertThat(l.returnedValue()).as("value of %s", l).isBetween(BigDecimal.ZERO, l.paid());
            assertThat(l.returnedQuantity()).as("quantity of %s", l).isBetween(BigDecimal.ZERO, l.quantity());
        }
    }

    /** A part of what is left: some percent of the money left, or of one sku's units left. */
    private static ReturnOrder partial(List<ReturnCalculation.Line> state, Intent step) {
        if (step.byAmount()) {
            BigDecimal left = moneyLeft(state);
            BigDecimal amount = left.multiply(BigDecimal.valueOf(step.percent()))
                    .divide(BigDecimal.valueOf(100), SCALE, RoundingMode.DOWN);
            return amount.signum() > 0 ? new ReturnOrder("a", null, amount) : null;
        }
        String sku = state.get(step.line() % state.size()).sku();
        BigDecimal left = unitsLeft(state).get(sku);
        BigDecimal take = left.multiply(BigDecimal.valueOf(step.percent()))
                .divide(BigDecimal.valueOf(100), 3, RoundingMode.DOWN);
        return take.signum() > 0 ? new ReturnOrder("i", List.of(new ReturnOrder.ReturnedItem(sku, take)), null) : null;
    }

    /** The return that brings everything back: the money left, or every unit left. */
    private static ReturnOrder rest(List<ReturnCalculation.Line> state, boolean byAmount) {
        BigDecimal money = moneyLeft(state);
        boolean everyLinePaidSomething = state.stream().allMatch(l -> l.paid().signum() > 0);
        if (byAmount && everyLinePaidSomething) {
            return money.signum() > 0 ? new ReturnOrder("rest", null, money) : null;
        }
        List<ReturnOrder.ReturnedItem> items = new ArrayList<>();
        unitsLeft(state).forEach((sku, qty) -> {
            if (qty.signum() > 0) {
                items.add(new ReturnOrder.ReturnedItem(sku, qty));
            }
        });
        return items.isEmpty() ? null : new ReturnOrder("rest", items, null);
    }

    private static BigDecimal moneyLeft(List<ReturnCalculation.Line> state) {
        return state.stream().map(l -> l.paid().subtract(l.returnedValue())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, BigDecimal> unitsLeft(List<ReturnCalculation.Line> state) {
        Map<String, BigDecimal> left = new LinkedHashMap<>();
        for (ReturnCalculation.Line l : state) {
            // A line refunded in full by amount has no units left to bring back.
            boolean refunded = l.paid().signum() > 0 && l.returnedValue().compareTo(l.paid()) >= 0;
            left.merge(l.sku(), refunded ? BigDecimal.ZERO : l.quantity().subtract(l.returnedQuantity()),
                    BigDecimal::add);
        }
        return left;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<BigDecimal> quantity = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 6).map(BigDecimal::valueOf),
                Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("5")).ofScale(3));
        Arbitrary<BigDecimal> paid = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("100000")).ofScale(2),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("10")).ofScale(2),
                Arbitraries.just(new BigDecimal("0.00")));
        Arbitrary<ReturnCalculation.Line> line = Combinators.combine(
                Arbitraries.of("A", "B", "C", "D"), quantity, paid,
                Arbitraries.longs().between(0, 5000), Arbitraries.longs().between(0, 3000))
                .as((sku, q, p, e, r) -> new ReturnCalculation.Line(sku, q, p, e, r, BigDecimal.ZERO.setScale(3),
                        BigDecimal.ZERO.setScale(2), 0, 0));
        Arbitrary<Intent> intent = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(1, 99)).as(Intent::new);
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(5), intent.list().ofMaxSize(8),
                Arbitraries.of(true, false)).as(Scenario::new);
    }

    @Example
    void aHalfReturnTakesBackTheFloorAndGivesBackTheCeiling() {
        List<ReturnCalculation.Line> lines = List.of(line("A", "2", "1000.00", 51, 7));
        ReturnCalculation.Result half = ReturnCalculation.of(lines,
                new ReturnOrder("r1", List.of(new ReturnOrder.ReturnedItem("A", BigDecimal.ONE)), null), SCALE);
        assertThat(half.amount()).isEqualByComparingTo("500.00");
        assertThat(half.pointsReversed()).isEqualTo(25);  // floor(25.5): in the customer's favour
        assertThat(half.pointsRefunded()).isEqualTo(4);   // ceil(3.5): in the customer's favour
        ReturnCalculation.Result rest = ReturnCalculation.of(half.lines(), new ReturnOrder("r2", null,
                new BigDecimal("500.00")), SCALE);
        assertThat(rest.pointsReversed()).isEqualTo(26);
        assertThat(rest.pointsRefunded()).isEqualTo(3);
    }

    @Example
    void anUnknownSkuIsRefusedByName() {
        assertThatThrownBy(() -> ReturnCalculation.of(List.of(line("A", "1", "10.00", 1, 0)),
                new ReturnOrder("r", List.of(new ReturnOrder.ReturnedItem("Z", BigDecimal.ONE)), null), SCALE))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.code()).isEqualTo("unknown_item");
                });
    }

    @Example
    void aFullyReturnedPurchaseHasNothingLeft() {
        List<ReturnCalculation.Line> lines = List.of(line("A", "1", "10.00", 1, 0), line("B", "3", "30.00", 3, 2));
        ReturnCalculation.Result all = ReturnCalculation.of(lines, new ReturnOrder("r", null, new BigDecimal("40.00")),
                SCALE);
        assertThat(all.pointsReversed()).isEqualTo(4);
        assertThat(all.pointsRefunded()).isEqualTo(2);
        assertThatThrownBy(() -> ReturnCalculation.of(all.lines(), new ReturnOrder("r", null, new BigDecimal("0.01")),
                SCALE)).isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.code()).isEqualTo("over_return"));
    }
}
