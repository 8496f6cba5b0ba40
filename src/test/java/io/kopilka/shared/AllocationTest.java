package io.kopilka.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Largest-remainder splitting: nothing lost, nothing made up, nobody more than one unit off. */
class AllocationTest {
    private static final MathContext EXACT = new MathContext(60);

    @Property(tries = 1000)
    void partsSumToTheTotalAreNonNegativeAndWithinOneOfTheExactShare(
            @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long total,
            @ForAll("weights") List<BigDecimal> weights) {
        long[] parts = Allocation.largestRemainder(total, weights);

        assertThat(parts).hasSize(weights.size());
        long sum = 0;
        BigDecimal weightSum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (int i = 0; i < parts.length; i++) {
            assertThat(parts[i]).as("part %d", i).isNotNegative();
            BigDecimal exact = BigDecimal.valueOf(total).multiply(weights.get(i)).divide(weightSum, EXACT);
            BigDecimal off = BigDecimal.valueOf(parts[i]).subtract(exact).abs();
            assertThat(off).as("part %d = %d, exact share %s", i, parts[i], exact).isLessThan(BigDecimal.ONE);
            sum += parts[i];
        }
        assertThat(sum).isEqualTo(total);
    }

    @Property(tries = 500)
    void moneyIsSplitToTheCentAndAddsUpExactly(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long cents,
                                                @ForAll("weights") List<BigDecimal> weights) {
        BigDecimal total = BigDecimal.valueOf(cents, 2);
        BigDecimal[] parts = Allocation.money(total, weights, 2);

        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal p : parts) {
            assertThat(p.scale()).isEqualTo(2);
            assertThat(p.signum()).isNotNegative();
            sum = sum.add(p);
        }
        assertThat(sum).isEqualTo(total);
    }

    @Provide
    Arbitrary<List<BigDecimal>> weights() {
        Arbitrary<BigDecimal> weight = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(2),
                Arbitraries.longs().between(0, 20).map(BigDecimal::valueOf),
                Arbitraries.just(BigDecimal.ZERO));
        return weight.list().ofMinSize(1).ofMaxSize(12)
                .filter(ws -> ws.stream().anyMatch(w -> w.signum() > 0));
    }

    @Example
    void leftoverUnitsGoToTheLargestRemaindersTiesToTheEarliest() {
        assertThat(Allocation.largestRemainder(1, weights("1", "1", "1"))).containsExactly(1, 0, 0);
        assertThat(Allocation.largestRemainder(2, weights("1", "1", "1"))).containsExactly(1, 1, 0);
        assertThat(Allocation.largestRemainder(10, weights("1", "2", "3"))).containsExactly(2, 3, 5);
        // 7 × (0.1, 0.3, 0.6) = 0.7, 2.1, 4.2 → floors 0, 2, 4; the one left goes to the 0.7.
        assertThat(Allocation.largestRemainder(7, weights("0.1", "0.3", "0.6"))).containsExactly(1, 2, 4);
    }

    @Example
    void zeroTotalOrNoWeightGivesNothingAway() {
        assertThat(Allocation.largestRemainder(0, weights("1", "2"))).containsExactly(0, 0);
        assertThat(Allocation.largestRemainder(5, List.of())).isEmpty();
        // All weights zero: the whole goes to the first part rather than vanishing.
        assertThat(Allocation.largestRemainder(5, weights("0", "0"))).containsExactly(5, 0);
    }

    @Example
    void moneyKeepsTheCurrencyScale() {
        assertThat(Allocation.money(new BigDecimal("100.00"), weights("1", "1", "1"), 2))
                .containsExactly(new BigDecimal("33.34"), new BigDecimal("33.33"), new BigDecimal("33.33"));
        assertThat(Allocation.money(new BigDecimal("10"), weights("1", "1", "1"), 0))
                .containsExactly(new BigDecimal("4"), new BigDecimal("3"), new BigDecimal("3"));
    }

    private static List<BigDecimal> weights(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
