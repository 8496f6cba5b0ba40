package io.kopilka.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each broken ladder is refused with the field at fault; a good one passes. */
class LadderValidationTest {

    private static List<String> fields(Ladder ladder) {
        return LadderValidation.check(ladder, 2).stream().map(LadderValidation.Problem::field).toList();
    }

    private static Ladder levels(Ladder l, Level... levels) {
        return new Ladder(l.metric(), l.window(), l.graceDays(), Arrays.asList(levels), l.version());
    }

    private static Level threshold(Level l, String threshold) {
        return new Level(l.code(), l.name(), threshold == null ? null : new BigDecimal(threshold), l.manual(),
                l.benefits());
    }

    private static Level benefits(Level l, String multiplier, String discount, List<String> perks) {
        return new Level(l.code(), l.name(), l.threshold(), l.manual(), new Benefits(
                multiplier == null ? null : new BigDecimal(multiplier), discount == null ? null : new BigDecimal(discount),
                perks));
    }

    @Test
    void theLadderOfTheApiDocumentIsValid() {
        assertThat(fields(Ladders.spend())).isEmpty();
    }

    @Test
    void aManualLevelMayComeFirstAndWindowsOfAllKindsAreValid() {
        Ladder l = Ladders.spend();
        assertThat(fields(levels(l, Ladders.VIP, Ladders.BASE, Ladders.GOLD))).isEmpty();
        for (Window w : List.of(Window.LIFETIME, Window.CALENDAR_YEAR, Window.rollingMonths(1), Window.rollingMonths(120))) {
            assertThat(fields(new Ladder(Metric.VISITS, w, 365, List.of(threshold(Ladders.BASE, "0")), 0))).isEmpty();
        }
    }

    static Stream<Arguments> broken() {
        Level base = Ladders.BASE;
        Level silver = Ladders.SILVER;
        Level gold = Ladders.GOLD;
        Level vip = Ladders.VIP;
        return Stream.of(
                Arguments.of("no metric", (UnaryOperator<Ladder>) l -> new Ladder(null, l.window(), 30, l.levels(), 0), "metric"),
                Arguments.of("no window", (UnaryOperator<Ladder>) l -> new Ladder(l.metric(), null, 30, l.levels(), 0), "window.type"),
                Arguments.of("unknown window type", (UnaryOperator<Ladder>) l -> new Ladder(l.metric(), new Window(null, 0), 30, l.levels(), 0), "window.type"),
                Arguments.of("rolling 0 months", (UnaryOperator<Ladder>) l -> new Ladder(l.metric(), Window.rollingMonths(0), 30, l.levels(), 0), "window.months"),
                Arguments.of("rolling 121 months", (UnaryOperator<Ladder>) l -> new Ladder(l.metric(), Window.rollingMonths(121), 30, l.levels(), 0), "window.months"),
                Arguments.of("negative grace", (UnaryOperator<Ladder>) l -> new Ladder(l.metric(), l.window(), -1, l.levels(), 0), "graceDays"),
                Arguments.of("grace over a year", (UnaryOperator<Ladder>) l -> new Ladder(l.metric(), l.window(), 366, l.levels(), 0), "graceDays"),
                Arguments.of("no levels", (UnaryOperator<Ladder>) l -> levels(l), "levels"),
                Arguments.of("21 levels", (UnaryOperator<Ladder>) l -> levels(l, IntStream.range(0, 21)
                        .mapToObj(i -> new Level("l" + i, "L" + i, BigDecimal.valueOf(i * 100L), false, null))
                        .toArray(Level[]::new)), "levels"),
                Arguments.of("only a manual level", (UnaryOperator<Ladder>) l -> levels(l, vip), "levels"),
                Arguments.of("a level left out", (UnaryOperator<Ladder>) l -> levels(l, base, new Level(null, null, null, false, null)), "levels[1].code"),
                Arguments.of("duplicate code", (UnaryOperator<Ladder>) l -> levels(l, base, silver,
                        new Level("silver", "Gold", new BigDecimal("20000"), false, null)), "levels[2].code"),
                Arguments.of("code with a space", (UnaryOperator<Ladder>) l -> levels(l, base,
                        new Level("sil ver", "Silver", new BigDecimal("5000"), false, null)), "levels[1].code"),
                Arguments.of("blank name", (UnaryOperator<Ladder>) l -> levels(l, base,
                        new Level("silver", " ", new BigDecimal("5000"), false, null)), "levels[1].name"),
                Arguments.of("first automatic level above 0", (UnaryOperator<Ladder>) l -> levels(l, threshold(base, "100"), silver), "levels[0].threshold"),
                Arguments.of("first automatic level above 0, after VIP", (UnaryOperator<Ladder>) l -> levels(l, vip, threshold(base, "1"), silver), "levels[1].threshold"),
                Arguments.of("equal thresholds", (UnaryOperator<Ladder>) l -> levels(l, base, silver, threshold(gold, "5000")), "levels[2].threshold"),
                Arguments.of("decreasing thresholds", (UnaryOperator<Ladder>) l -> levels(l, base, gold, silver), "levels[2].threshold"),
                Arguments.of("decreasing across a manual level", (UnaryOperator<Ladder>) l -> levels(l, base, gold, vip, silver), "levels[3].threshold"),
                Arguments.of("automatic level without threshold", (UnaryOperator<Ladder>) l -> levels(l, base, threshold(silver, null)), "levels[1].threshold"),
                Arguments.of("manual level with threshold", (UnaryOperator<Ladder>) l -> levels(l, base, threshold(vip, "50000")), "levels[1].threshold"),
                Arguments.of("negative threshold", (UnaryOperator<Ladder>) l -> levels(l, threshold(base, "-1"), silver), "levels[0].threshold"),
                Arguments.of("finer than the money", (UnaryOperator<Ladder>) l -> levels(l, base, threshold(silver, "5000.005")), "levels[1].threshold"),
                Arguments.of("absurd threshold", (UnaryOperator<Ladder>) l -> levels(l, base, threshold(silver, "1e15")), "levels[1].threshold"),
                Arguments.of("fractional visits", (UnaryOperator<Ladder>) l -> new Ladder(Metric.VISITS, l.window(), 0,
                        List.of(base, threshold(silver, "2.5")), 0), "levels[1].threshold"),
                Arguments.of("multiplier below 1", (UnaryOperator<Ladder>) l -> levels(l, base, benefits(silver, "0.5", "0", null)), "levels[1].benefits.earnMultiplier"),
                Arguments.of("multiplier over 100", (UnaryOperator<Ladder>) l -> levels(l, base, benefits(silver, "101", "0", null)), "levels[1].benefits.earnMultiplier"),
                Arguments.of("no multiplier", (UnaryOperator<Ladder>) l -> levels(l, base, benefits(silver, null, "0", null)), "levels[1].benefits.earnMultiplier"),
                Arguments.of("discount over 100%", (UnaryOperator<Ladder>) l -> levels(l, base, benefits(silver, "1", "100.01", null)), "levels[1].benefits.discountPercent"),
                Arguments.of("negative discount", (UnaryOperator<Ladder>) l -> levels(l, base, benefits(silver, "1", "-5", null)), "levels[1].benefits.discountPercent"),
                Arguments.of("blank perk", (UnaryOperator<Ladder>) l -> levels(l, base, benefits(silver, "1", "0", List.of("Coffee", " "))), "levels[1].benefits.perks"),
                Arguments.of("missing perk", (UnaryOperator<Ladder>) l -> levels(l, base, benefits(silver, "1", "0", Arrays.asList("Coffee", null))), "levels[1].benefits.perks"),
                Arguments.of("21 perks", (UnaryOperator<Ladder>) l -> levels(l, base, benefits(silver, "1", "0",
                        IntStream.range(0, 21).mapToObj(i -> "perk " + i).toList())), "levels[1].benefits.perks"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("broken")
    void aBrokenLadderIsRefusedWithTheFieldAtFault(String what, UnaryOperator<Ladder> breakIt, String field) {
        assertThat(fields(breakIt.apply(Ladders.spend()))).contains(field);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Ladder l = Ladders.spend();
        List<Level> bad = new ArrayList<>(List.of(threshold(Ladders.BASE, "10"), Ladders.GOLD, Ladders.SILVER));
        assertThat(fields(new Ladder(null, Window.rollingMonths(0), 400, bad, 0)))
                .containsExactly("metric", "window.months", "graceDays", "levels[0].threshold", "levels[2].threshold");
        assertThat(l.levels()).hasSize(4);
    }
}
