package io.kopilka.demo;

import io.kopilka.rules.RuleDocument;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.math.BigDecimal;
import java.util.List;

/**
 * The demo barbershop's program, written as an owner would send it to the API: the schemes of
 * docs/product.md, "5% back", "double points on Tuesdays", "300 points for any haircut", "3% after 1 000,
 * 10% after 10 000", and a members-only offer on beard care for regulars.
 */
final class DemoRules {
    private DemoRules() {
    }

    static List<RuleDocument> all() {
        return List.of(
                rule("5% баллами", "points_percent", "5", null, null, null, 100, null),
                rule("Двойные баллы по вторникам", "multiplier", null, null, "2", List.of("TUE"), 90, null),
                rule("300 баллов за стрижку", "points_per_item", null, 300L, null, null, 80,
                        new RuleDocument.ItemFilter(List.of("HAIRCUT"), null)),
                new RuleDocument(null, "Скидка постоянным клиентам", "discount_by_spend", null, null, null,
                        List.of(new RuleDocument.Step(new BigDecimal("1000.00"), new BigDecimal("3")),
                                new RuleDocument.Step(new BigDecimal("10000.00"), new BigDecimal("10"))),
                        null, null, null, 70, true, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null),
                new RuleDocument(null, "Уход за бородой −10% с третьего визита", "discount_percent",
                        new BigDecimal("10"), null, null, null, null, null, null, 60, true, null, null, null, null, null, null,
                        null, null, "member.visits >= 2", new RuleDocument.ItemFilter(null, List.of("beard-care")),
                        null, null, null, null));
    }

    /**
     * Two campaigns ahead, for the campaign calendar: double points over the New Year holidays and a
     * beard-care week that overlaps their end, with empty weeks before them, as an owner's plan looks.
     */
    static List<RuleDocument> seasonal(OffsetDateTime now) {
        OffsetDateTime day = now.truncatedTo(ChronoUnit.DAYS);
        RuleDocument holidays = rule("Новогодние двойные баллы", "multiplier", null, null, "2", null, 95, null);
        RuleDocument beard = rule("Неделя бороды: −15% на уход", "discount_percent", "15", null, null, null, 65,
                new RuleDocument.ItemFilter(null, List.of("beard-care")));
        return List.of(dated(holidays, day.plusDays(18), day.plusDays(37)), dated(beard, day.plusDays(33), day.plusDays(44)));
    }

    private static RuleDocument dated(RuleDocument r, OffsetDateTime from, OffsetDateTime to) {
        return new RuleDocument(r.id(), r.name(), r.kind(), r.percent(), r.points(), r.factor(), r.steps(), r.rewardId(),
                r.causeId(), r.units(), r.priority(), r.stackable(), from, to, r.daysOfWeek(), r.hours(), r.stores(),
                r.channels(), r.tiers(), r.segment(), r.condition(), r.itemFilter(), r.maxPointsPerPurchase(),
                r.budgetPoints(), r.maxPointsPerMemberPerDay(), r.maxPointsPerMemberPerMonth());
    }

    private static RuleDocument rule(String name, String kind, String percent, Long points, String factor,
                                     List<String> days, int priority, RuleDocument.ItemFilter filter) {
        return new RuleDocument(null, name, kind, percent == null ? null : new BigDecimal(percent), points,
                factor == null ? null : new BigDecimal(factor), null, null, null, null, priority, true, null, null, days, null,
                null, null, null, null, null, filter, null, null, null, null);
    }
}
