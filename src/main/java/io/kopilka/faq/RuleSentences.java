package io.kopilka.faq;

import io.kopilka.rules.Rule;
import io.kopilka.shared.Money;
import io.kopilka.shared.Text;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the running rules say to a customer. The kinds a customer meets at every purchase (points
 * back, points per item, multipliers, discounts) get a sentence each; a points-back rule that holds
 * everywhere and always reads as the program's own rate ("5% of every purchase"), one with
 * conditions by its name ("Happy hours: 10% …"). Coupons and causes given with a purchase are named
 * together at the end, as special offers.
 */
final class RuleSentences {
    private RuleSentences() {
    }

    static List<Text> of(List<Rule> rules, Currency currency) {
        List<Text> texts = new ArrayList<>();
        for (Rule rule : rules) {
            sentence(rule, currency).ifPresent(texts::add);
        }
        return texts;
    }

    private static Optional<Text> sentence(Rule rule, Currency currency) {
        String name = rule.name();
        return switch (rule.parameters()) {
            case Rule.PointsPercent p -> Optional.of(everywhere(rule)
                    ? ProgramExplanation.text("how.earn.percent", "percent", ProgramExplanation.plain(p.percent()))
                    : new Text("how.earn.percent-offer",
                    Map.of("name", name, "percent", ProgramExplanation.plain(p.percent()))));
            case Rule.PointsFixed p -> Optional.of(new Text("how.earn.fixed", Map.of("name", name, "points", p.points())));
            case Rule.PointsPerItem p -> Optional.of(new Text("how.earn.per-item",
                    Map.of("name", name, "points", p.points())));
            case Rule.Multiplier p -> Optional.of(new Text("how.earn.multiplier",
                    Map.of("name", name, "factor", ProgramExplanation.plain(p.factor()))));
            case Rule.DiscountPercent p -> Optional.of(new Text("how.discount.percent",
                    Map.of("name", name, "percent", ProgramExplanation.plain(p.percent()))));
            case Rule.DiscountBySpend p -> p.steps().isEmpty() ? Optional.empty()
                    : Optional.of(new Text("how.discount.by-spend", Map.of("name", name, "steps", Spoken.joined(
                    p.steps().stream().map(s -> new Text("how.discount.by-spend.step", Map.of(
                            "percent", ProgramExplanation.plain(s.percent()),
                            "spend", Money.of(s.spend(), currency)))).toList()))));
            case Rule.IssueCoupon p -> Optional.empty();
            case Rule.CauseContribution p -> Optional.empty();
        };
    }

    /** "And there are special offers: «Coffee with a cake», «Trees for the city»." — the rules without a sentence. */
    static Optional<Text> offers(List<Rule> rules) {
        List<Text> names = rules.stream().filter(r -> r.parameters() instanceof Rule.Action)
                .map(r -> ProgramExplanation.text("how.quoted", "name", r.name())).toList();
        return names.isEmpty() ? Optional.empty()
                : Optional.of(new Text("how.offers", Map.of("names", Spoken.listed(names))));
    }

    /** Whether the rule holds for every purchase: no day, hour, store, channel, level, item or condition. */
    static boolean everywhere(Rule rule) {
        return empty(rule.daysOfWeek()) && rule.hours() == null && empty(rule.stores()) && empty(rule.channels())
                && empty(rule.tiers()) && rule.condition() == null
                && (rule.itemFilter() == null || (empty(rule.itemFilter().skus()) && empty(rule.itemFilter().categories())));
    }

    private static boolean empty(java.util.Collection<?> values) {
        return values == null || values.isEmpty();
    }
}
