package io.kopilka.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Map<String, Object> PURCHASE = Map.of("total", 7800.0, "storeCode", "main",
            "items", List.of(Map.of("sku", "HAIRCUT", "category", "service", "quantity", 1.0, "unitPrice", 5000.0),
                    Map.of("sku", "SHAMPOO-1", "category", "shampoo", "quantity", 2.0, "unitPrice", 1400.0)));
    private static final Map<String, Object> GOLD = Map.of("tier", "gold", "visits", 12L, "lifetimeSpend", 50000.0,
            "attributes", Map.of("kids", 2L));

    @Test
    void theApiExampleHolds() {
        Condition c = Condition.compile("purchase.total > 5000.0 && member.tier == \"gold\"");
        assertThat(c.test(PURCHASE, GOLD, NOW).holds()).isTrue();
        assertThat(c.test(Map.of("total", 100.0), GOLD, NOW).holds()).isFalse();
    }

    @Test
    void macrosOverItemsAndAttributes() {
        assertThat(Condition.compile("purchase.items.exists(i, i.category == 'shampoo')").test(PURCHASE, GOLD, NOW)
                .holds()).isTrue();
        assertThat(Condition.compile("member.attributes.kids >= 2").test(PURCHASE, GOLD, NOW).holds()).isTrue();
        assertThat(Condition.compile("now > timestamp('2026-01-01T00:00:00Z')").test(PURCHASE, GOLD, NOW).holds())
                .isTrue();
    }

    @Test
    void runtimeErrorsAreReportedNotThrown() {
        Condition.Result r = Condition.compile("member.attributes.pets > 1").test(PURCHASE, GOLD, NOW);
        assertThat(r.holds()).isFalse();
        assertThat(r.error()).isNotBlank();
    }

    @Test
    void compileErrorsCarryThePosition() {
        assertThatThrownBy(() -> Condition.compile("purchase.total >"))
                .isInstanceOfSatisfying(Condition.Invalid.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isGreaterThan(1);
                });
        assertThatThrownBy(() -> Condition.compile("purchase.total + 1")).isInstanceOf(Condition.Invalid.class);
        assertThatThrownBy(() -> Condition.compile("unknownVar == 1")).isInstanceOf(Condition.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 400})
    void deepNestingIsRefused(int depth) {
        String expr = "(".repeat(depth) + "true" + ")".repeat(depth);
        assertThatThrownBy(() -> Condition.compile(expr)).isInstanceOf(Condition.Invalid.class);
    }

    @Test
    void hugeTextIsRefused() {
        String expr = "purchase.storeCode == '" + "x".repeat(5000) + "'";
        assertThatThrownBy(() -> Condition.compile(expr)).isInstanceOf(Condition.Invalid.class);
    }

    @Test
    void runawayComprehensionsAreCutOff() {
        // 500 items nested three deep would be 125 million steps; the iteration bound stops it.
        List<Object> items = java.util.Collections.nCopies(500, Map.of("sku", "A"));
        Condition c = Condition.compile(
                "purchase.items.all(a, purchase.items.all(b, purchase.items.all(c, a.sku == c.sku)))");
        Condition.Result r = c.test(Map.of("items", items), GOLD, NOW);
        assertThat(r.holds()).isFalse();
        assertThat(r.error()).isNotBlank();
    }
}
