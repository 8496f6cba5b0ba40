package io.kopilka.faq;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.program.ExpiryPolicy;
import io.kopilka.program.Program;
import io.kopilka.program.ProgramValidation;
import io.kopilka.rules.Rule;
import io.kopilka.shared.RuleId;
import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import io.kopilka.tier.Benefits;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.Metric;
import io.kopilka.tier.Window;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever valid settings, rules and levels a program has, its explanation is whole sentences in every language. */
class ProgramExplanationProperties {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Property(tries = 300)
    void everyProgramReadsWithoutPlaceholders(@ForAll("programs") Program program, @ForAll("rules") List<Rule> rules,
                                              @ForAll("ladders") Ladder ladder, @ForAll("currencies") Currency currency) {
        assertThat(ProgramValidation.check(program)).isEmpty();
        List<Text> texts = ProgramExplanation.of(program, currency, rules, ladder, NOW);
        assertThat(texts).isNotEmpty();
        for (String language : Texts.LANGUAGES) {
            for (Text text : texts) {
                String sentence = Texts.messages().render(text, language);
                assertThat(sentence).as("%s in %s", text.key(), language).isNotBlank()
                        .doesNotContain("{", "}", "null");
            }
        }
    }

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of("KZT", "RUB", "USD", "JPY", "KWD").map(Currency::getInstance);
    }

    @Provide
    Arbitrary<Program> programs() {
        Arbitrary<BigDecimal> pointValue = Arbitraries.bigDecimals().between(new BigDecimal("0.0001"),
                new BigDecimal("1000000")).ofScale(4);
        Arbitrary<BigDecimal> share = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(2);
        Arbitrary<Long> points = Arbitraries.longs().between(0, 100_000).edgeCases(e -> e.add(0L).add(1L));
        Arbitrary<ExpiryPolicy> expiry = Combinators.combine(Arbitraries.of(ExpiryPolicy.Mode.class),
                Arbitraries.integers().between(1, 120)).as((m, n) -> m == ExpiryPolicy.Mode.NONE ? ExpiryPolicy.NONE
                : new ExpiryPolicy(m, n));
        Arbitrary<List<Integer>> reminders = Arbitraries.integers().between(1, 365).list().ofMaxSize(5);
        Arbitrary<Program.Referral> referral = Combinators.combine(points, points,
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2))
                .as(Program.Referral::new);
        Arbitrary<Program.Birthday> birthday = Combinators.combine(points, Arbitraries.of("cake").injectNull(0.5))
                .as((p, r) -> new Program.Birthday(p, r, 0, 14));
        Arbitrary<Program.WinBack> winBack = Combinators.combine(Arbitraries.integers().between(1, 3650), points,
                Arbitraries.of("coffee").injectNull(0.5), Arbitraries.of(new BigDecimal("2")).injectNull(0.5))
                .as((d, p, r, c) -> new Program.WinBack(d, p, r, 180, c));
        return Combinators.combine(pointValue, share, points, Arbitraries.integers().between(0, 365), expiry,
                reminders, points, referral).as((v, s, min, pending, e, rem, welcome, ref) ->
                        new Program(1, v, s, min, pending, e, rem, welcome, 0, ref, 30))
                .flatMap(p -> Combinators.combine(birthday, winBack).as((b, w) -> new Program(p.version(),
                        p.pointValue(), p.maxRedeemShare(), p.minRedeemPoints(), p.pendingDays(), p.expiry(),
                        p.expiryReminderDays(), p.welcomePoints(), b.points(), p.referral(), p.maxBackdateDays(),
                        Program.StaffGifts.NONE, b, w)));
    }

    @Provide
    Arbitrary<List<Rule>> rules() {
        Arbitrary<BigDecimal> percent = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("100"))
                .ofScale(2);
        Arbitrary<Rule.Parameters> parameters = Arbitraries.oneOf(
                percent.map(Rule.PointsPercent::new),
                Arbitraries.longs().between(1, 10_000).map(Rule.PointsFixed::new),
                Arbitraries.longs().between(1, 10_000).map(Rule.PointsPerItem::new),
                percent.map(p -> new Rule.Multiplier(BigDecimal.ONE.add(p))),
                percent.map(Rule.DiscountPercent::new),
                percent.list().ofMinSize(1).ofMaxSize(3).map(ps -> new Rule.DiscountBySpend(ps.stream()
                        .map(p -> new Rule.DiscountBySpend.Step(p.multiply(new BigDecimal("1000")), p)).toList())),
                Arbitraries.just(new Rule.IssueCoupon("coffee")),
                Arbitraries.just(new Rule.CauseContribution("trees", 1)));
        Arbitrary<String> name = Arbitraries.strings().alpha().numeric().withChars(' ', 'ё', 'ұ').ofMinLength(1)
                .ofMaxLength(30);
        return Combinators.combine(name, parameters)
                .as((n, p) -> Rule.unconditional(new RuleId(UUID.randomUUID()), n, p)).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<Ladder> ladders() {
        Arbitrary<Benefits> benefits = Combinators.combine(
                Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("100")).ofScale(2),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).list().ofMaxSize(2))
                .as(Benefits::new);
        Arbitrary<Window> window = Arbitraries.oneOf(Arbitraries.just(Window.LIFETIME), Arbitraries.just(Window.CALENDAR_YEAR),
                Arbitraries.integers().between(1, 36).map(Window::rollingMonths));
        return Combinators.combine(Arbitraries.of(Metric.class), window, benefits.list().ofMaxSize(4),
                Arbitraries.of(true, false)).as((metric, w, perLevel, vip) -> {
                    if (perLevel.isEmpty()) {
                        return Ladder.none();
                    }
                    List<Level> levels = new ArrayList<>();
                    for (int i = 0; i < perLevel.size(); i++) {
                        levels.add(new Level("l" + i, "Level " + i, BigDecimal.valueOf(i * 1000L), false, perLevel.get(i)));
                    }
                    if (vip) {
                        levels.add(new Level("vip", "VIP", null, true, null));
                    }
                    return new Ladder(metric, w, 0, levels, 1);
                });
    }
}
