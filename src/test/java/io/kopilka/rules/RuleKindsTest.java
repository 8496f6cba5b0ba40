package io.kopilka.rules;

import io.kopilka.shared.RuleId;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.program.Program;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule kind and condition, table-driven: a rule written as the owner sends it to the API,
 * a cart, a member, and the points and discount that must come out.
 */
class RuleKindsTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    // Monday 23:30 UTC is Tuesday 04:30 in Almaty (UTC+5).
    static final Instant MONDAY_NIGHT_UTC = Instant.parse("2026-11-23T23:30:00Z");
    static final Instant MONDAY_NOON_ALMATY = Instant.parse("2026-11-23T07:00:00Z");

    static final List<Cart.Line> HAIRCUT_AND_SHAMPOO = List.of(
            new Cart.Line("HAIRCUT", "Haircut", "service", BigDecimal.ONE, new BigDecimal("5000.00")),
            new Cart.Line("SHAMPOO-1", "Shampoo", "shampoo", new BigDecimal("2"), new BigDecimal("1500.00")));

    static final MemberSnapshot REGULAR = new MemberSnapshot(true, "silver", "Silver", null, Map.of("kids", 2L),
            Instant.parse("2025-01-01T00:00:00Z"), null, new BigDecimal("12000.00"), 7, List.of());
    /** Attributes as they come from JSON: Integer, not Long. */
    static final MemberSnapshot FROM_JSON = new MemberSnapshot(true, null, null, null,
            Map.of("kids", 2, "pets", Map.of("cats", 1)), Instant.parse("2025-01-01T00:00:00Z"), null,
            new BigDecimal("100.00"), 1, List.of());
    static final MemberSnapshot NEWCOMER = new MemberSnapshot(true, null, null, null, Map.of(),
            Instant.parse("2026-11-01T00:00:00Z"), null, new BigDecimal("500.00"), 0, List.of());

    static RuleDocument doc(String kind, Map<String, Object> fields) {
        Map<String, Object> all = new java.util.HashMap<>(fields);
        all.put("name", fields.getOrDefault("name", kind));
        all.put("kind", kind);
        return tools.jackson.databind.json.JsonMapper.builder().build().convertValue(all, RuleDocument.class);
    }

    static Arguments row(String title, List<RuleDocument> rules, Instant at, MemberSnapshot member, long points,
                         String discount) {
        return Arguments.of(title, rules, at, member, points, discount);
    }

    static Stream<Arguments> table() {
        RuleDocument fivePercent = doc("points_percent", Map.of("percent", "5"));
        return Stream.of(
                row("5% back on 8000", List.of(fivePercent), MONDAY_NOON_ALMATY, REGULAR, 400, "0.00"),
                row("300 points for any purchase with a haircut",
                        List.of(doc("points_fixed", Map.of("points", 300, "itemFilter", Map.of("skus", List.of("HAIRCUT"))))),
                        MONDAY_NOON_ALMATY, REGULAR, 300, "0.00"),
                row("points_fixed needs a matching item",
                        List.of(doc("points_fixed", Map.of("points", 300, "itemFilter", Map.of("skus", List.of("BEARD"))))),
                        MONDAY_NOON_ALMATY, REGULAR, 0, "0.00"),
                row("50 points per shampoo unit",
                        List.of(doc("points_per_item", Map.of("points", 50, "itemFilter", Map.of("categories", List.of("shampoo"))))),
                        MONDAY_NOON_ALMATY, REGULAR, 100, "0.00"),
                row("double points on Tuesdays: 23:30 UTC Monday is Tuesday in Almaty",
                        List.of(fivePercent, doc("multiplier", Map.of("factor", "2", "daysOfWeek", List.of("TUE")))),
                        MONDAY_NIGHT_UTC, REGULAR, 800, "0.00"),
                row("double points on Tuesdays: not on Monday noon",
                        List.of(fivePercent, doc("multiplier", Map.of("factor", "2", "daysOfWeek", List.of("TUE")))),
                        MONDAY_NOON_ALMATY, REGULAR, 400, "0.00"),
                row("happy hours 04:00-05:00 Almaty", List.of(doc("points_percent", Map.of("percent", "10",
                        "hours", Map.of("from", "04:00", "to", "05:00")))), MONDAY_NIGHT_UTC, REGULAR, 800, "0.00"),
                row("hours wrapping midnight 22:00-02:00 do not hold at 04:30", List.of(doc("points_percent",
                        Map.of("percent", "10", "hours", Map.of("from", "22:00", "to", "02:00")))),
                        MONDAY_NIGHT_UTC, REGULAR, 0, "0.00"),
                row("10% off everything, then 5% back on what is paid",
                        List.of(doc("discount_percent", Map.of("percent", "10", "priority", 200)), fivePercent),
                        MONDAY_NOON_ALMATY, REGULAR, 360, "800.00"),
                row("3% after 1 000 spent, 10% after 10 000: a regular gets 10%",
                        List.of(doc("discount_by_spend", Map.of("steps", List.of(Map.of("spend", "1000", "percent", "3"),
                                Map.of("spend", "10000", "percent", "10"))))),
                        MONDAY_NOON_ALMATY, REGULAR, 0, "800.00"),
                row("3% after 1 000 spent, 10% after 10 000: a newcomer gets nothing",
                        List.of(doc("discount_by_spend", Map.of("steps", List.of(Map.of("spend", "1000", "percent", "3"),
                                Map.of("spend", "10000", "percent", "10"))))),
                        MONDAY_NOON_ALMATY, NEWCOMER, 0, "0.00"),
                row("a non-stackable rule stops lower ones",
                        List.of(doc("points_percent", Map.of("percent", "10", "priority", 200, "stackable", false)),
                                fivePercent), MONDAY_NOON_ALMATY, REGULAR, 800, "0.00"),
                row("maxPointsPerPurchase caps a rule",
                        List.of(doc("points_percent", Map.of("percent", "10", "maxPointsPerPurchase", 250))),
                        MONDAY_NOON_ALMATY, REGULAR, 250, "0.00"),
                row("tiers: silver only", List.of(doc("points_percent", Map.of("percent", "5",
                        "tiers", List.of("silver")))), MONDAY_NOON_ALMATY, REGULAR, 400, "0.00"),
                row("tiers: gold only, member is silver", List.of(doc("points_percent", Map.of("percent", "5",
                        "tiers", List.of("gold")))), MONDAY_NOON_ALMATY, REGULAR, 0, "0.00"),
                row("stores: another store", List.of(doc("points_percent", Map.of("percent", "5",
                        "stores", List.of("airport")))), MONDAY_NOON_ALMATY, REGULAR, 0, "0.00"),
                row("channels: online only", List.of(doc("points_percent", Map.of("percent", "5",
                        "channels", List.of("online")))), MONDAY_NOON_ALMATY, REGULAR, 0, "0.00"),
                row("validity window not yet open", List.of(doc("points_percent", Map.of("percent", "5",
                        "validFrom", "2026-12-01T00:00:00+05:00"))), MONDAY_NOON_ALMATY, REGULAR, 0, "0.00"),
                row("CEL: families with kids get 10%", List.of(doc("points_percent", Map.of("percent", "10",
                        "condition", "member.attributes.kids >= 1 && purchase.total > 5000.0"))),
                        MONDAY_NOON_ALMATY, REGULAR, 800, "0.00"),
                row("CEL that fails at run time skips the rule", List.of(doc("points_percent", Map.of("percent", "10",
                        "condition", "member.attributes.pets > 0")), fivePercent),
                        MONDAY_NOON_ALMATY, REGULAR, 400, "0.00"),
                row("CEL compares whole-number attributes that came from JSON", List.of(doc("points_percent",
                        Map.of("percent", "10", "condition", "member.attributes.kids >= 1 && member.attributes.pets.cats < 2"))),
                        MONDAY_NOON_ALMATY, FROM_JSON, 800, "0.00"),
                row("CEL orders timestamps: members who joined over 30 days ago", List.of(doc("points_percent",
                        Map.of("percent", "10", "condition", "member.joinedAt < now - duration('720h')"))),
                        MONDAY_NOON_ALMATY, REGULAR, 800, "0.00"),
                row("a non-stackable rule for items not bought neither applies nor stops lower rules",
                        List.of(doc("points_percent", Map.of("percent", "10", "priority", 200, "stackable", false,
                                "itemFilter", Map.of("skus", List.of("BEARD-OIL")))), fivePercent),
                        MONDAY_NOON_ALMATY, REGULAR, 400, "0.00"),
                row("3 visits: a big discount on shampoo for regulars", List.of(doc("discount_percent", Map.of(
                        "percent", "20", "condition", "member.visits >= 3",
                        "itemFilter", Map.of("categories", List.of("shampoo"))))),
                        MONDAY_NOON_ALMATY, REGULAR, 0, "600.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void pricesAsTheOwnerMeantIt(String title, List<RuleDocument> docs, Instant at, MemberSnapshot member,
                                 long points, String discount) {
        List<Rule> rules = docs.stream().map(d -> d.toRule(RuleId.next()))
                .sorted(java.util.Comparator.comparingInt(Rule::priority).reversed()).toList();
        Cart cart = new Cart(at, "main", "pos", HAIRCUT_AND_SHAMPOO, Currency.getInstance("KZT"), ALMATY);
        PricedCart priced = Pricing.price(new Pricing.Input(cart, rules, Program.defaults(), member, 0, Map.of()));
        assertThat(priced.pointsEarned()).as(title).isEqualTo(points);
        assertThat(priced.discount()).as(title).isEqualByComparingTo(discount);
        assertThat(priced.applied().stream().mapToLong(PricedCart.AppliedRule::points).sum()).isEqualTo(points);
        assertThat(priced.lines().stream().mapToLong(PricedCart.PricedLine::pointsEarned).sum()).isEqualTo(points);
    }
}
