package io.kopilka.bench;

import io.kopilka.program.Program;
import io.kopilka.rules.Cart;
import io.kopilka.rules.Condition;
import io.kopilka.rules.MemberSnapshot;
import io.kopilka.rules.PricedCart;
import io.kopilka.rules.Pricing;
import io.kopilka.rules.Rule;
import io.kopilka.rules.RuleDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.kopilka.shared.RuleId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * The in-memory part of a purchase: pricing a 6-item cart with no rules (the baseline: money
 * arithmetic, redemption, allocation), with one rule, and with a realistic 20-rule program that
 * has day/hour windows, item filters, discounts, multipliers and CEL conditions. One CEL condition
 * evaluated alone shows the cost of a condition.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PricingBenchmark {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private Cart cart;
    private MemberSnapshot member;
    private Program program;
    private List<Rule> none;
    private List<Rule> one;
    private List<Rule> twenty;
    private List<Rule> twentyPlain;
    private Condition condition;
    private Map<String, Object> purchaseMap;
    private Map<String, Object> memberMap;
    private Instant now;

    @Setup
    public void setUp() {
        now = Instant.parse("2026-11-24T09:30:00Z"); // a Tuesday in Almaty
        List<Cart.Line> lines = new ArrayList<>();
        String[][] items = {{"HAIRCUT", "service", "5000"}, {"BEARD", "service", "3000"},
                {"SHAMPOO-1", "shampoo", "1500"}, {"OIL-2", "beard-care", "4500"}, {"WAX-3", "styling", "2500"},
                {"COFFEE", "bar", "900"}};
        for (String[] i : items) {
            lines.add(new Cart.Line(i[0], i[0], i[1], BigDecimal.ONE, new BigDecimal(i[2])));
        }
        cart = new Cart(now, "main", "pos", lines, Currency.getInstance("KZT"), ZoneId.of("Asia/Almaty"));
        member = new MemberSnapshot(true, "silver", "Silver",
                new MemberSnapshot.TierBenefits(new BigDecimal("1.5"), new BigDecimal("0")), Map.of("kids", 2L),
                Instant.parse("2025-01-01T00:00:00Z"), null, new BigDecimal("25000"), 14, List.of());
        program = Program.defaults();
        none = List.of();
        one = List.of(rule(Map.of("name", "5%", "kind", "points_percent", "percent", "5")));
        twenty = twentyRuleProgram(true);
        twentyPlain = twentyRuleProgram(false);
        condition = Condition.compile("purchase.total > 5000.0 && member.tier == 'silver'");
        purchaseMap = Map.of("total", 17400.0, "storeCode", "main");
        memberMap = Map.of("tier", "silver", "visits", 14L);
    }

    private static Rule rule(Map<String, Object> fields) {
        return JSON.convertValue(fields, RuleDocument.class).toRule(RuleId.next());
    }

    private static List<Rule> twentyRuleProgram(boolean withCel) {
        List<Map<String, Object>> docs = new ArrayList<>();
        docs.add(Map.of("name", "5% back", "kind", "points_percent", "percent", "5", "priority", 100));
        docs.add(Map.of("name", "Tuesday x2", "kind", "multiplier", "factor", "2", "daysOfWeek", List.of("TUE"),
                "priority", 90));
        docs.add(Map.of("name", "Haircut 300", "kind", "points_per_item", "points", 300,
                "itemFilter", Map.of("skus", List.of("HAIRCUT")), "priority", 95));
        docs.add(Map.of("name", "Loyal discount", "kind", "discount_by_spend", "steps",
                List.of(Map.of("spend", "1000", "percent", "3"), Map.of("spend", "10000", "percent", "10")),
                "priority", 200));
        docs.add(withCel ? Map.of("name", "Kids families", "kind", "points_fixed", "points", 100,
                "condition", "member.attributes.kids >= 1 && purchase.total > 5000.0", "priority", 80)
                : Map.of("name", "Kids families", "kind", "points_fixed", "points", 100, "priority", 80));
        docs.add(Map.of("name", "Morning", "kind", "points_percent", "percent", "2",
                "hours", Map.of("from", "08:00", "to", "12:00"), "priority", 70));
        for (int i = 0; i < 14; i++) {
            Map<String, Object> d = new HashMap<>();
            d.put("name", "Promo " + i);
            d.put("kind", i % 3 == 0 ? "discount_percent" : "points_percent");
            d.put("percent", String.valueOf(1 + i % 4));
            d.put("priority", 60 - i);
            d.put("itemFilter", Map.of("categories", List.of(i % 2 == 0 ? "styling" : "promo-" + i)));
            if (withCel && i % 4 == 1) {
                d.put("condition", "member.visits > " + i + " && purchase.items.exists(x, x.category == 'styling')");
            }
            if (i % 5 == 2) {
                d.put("stores", List.of("main", "mall"));
            }
            docs.add(d);
        }
        return docs.stream().map(PricingBenchmark::rule)
                .sorted(java.util.Comparator.comparingInt(Rule::priority).reversed()).toList();
    }

    private PricedCart price(List<Rule> rules) {
        return Pricing.price(new Pricing.Input(cart, rules, program, member, 200, Map.of()));
    }

    @Benchmark
    public PricedCart baselineNoRules() {
        return price(none);
    }

    @Benchmark
    public PricedCart oneRule() {
        return price(one);
    }

    @Benchmark
    public PricedCart twentyRules() {
        return price(twenty);
    }

    /** The same program without its five CEL conditions: what the conditions cost. */
    @Benchmark
    public PricedCart twentyRulesWithoutCel() {
        return price(twentyPlain);
    }

    @Benchmark
    public Condition.Result oneCelCondition() {
        return condition.test(purchaseMap, memberMap, now);
    }
}
