package io.kopilka.cause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kopilka.shared.error.ApiProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CauseValidationTest {
    private static final Map<String, String> UNIT = Map.of("ru", "дерево", "kk", "ағаш", "en", "tree");

    private static CauseValidation.Input input(String name, Map<String, String> unit, Long pointsPerUnit,
                                               Long goalUnits) {
        return new CauseValidation.Input(name, null, null, unit, null, null, pointsPerUnit, goalUnits, null);
    }

    private static List<String> fields(CauseValidation.Input in) {
        try {
            CauseValidation.check(in);
        } catch (ApiProblem p) {
            assertThat(p.status()).isEqualTo(422);
            assertThat(p.code()).isEqualTo("validation_failed");
            return p.errors().stream().map(ApiProblem.FieldError::field).toList();
        }
        throw new AssertionError("accepted: " + in);
    }

    @Test
    void aCauseWithItsUnitInEveryLanguage() {
        CauseDraft d = CauseValidation.check(new CauseValidation.Input(" Посади дерево ", Map.of("en", "Plant a tree"),
                "  ", UNIT, Map.of("ru", Map.of("one", "дерево", "few", "дерева", "many", "деревьев")),
                Map.of("ru", "посадили", "kk", "отырғыздық", "en", "planted"), 500L, 1000L, null));
        assertThat(d.names().name()).isEqualTo("Посади дерево");
        assertThat(d.names().in("en")).isEqualTo("Plant a tree");
        assertThat(d.names().in("kk")).isEqualTo("Посади дерево");
        assertThat(d.description()).isNull();
        assertThat(d.active()).isTrue();
        assertThat(d.goalUnits()).isEqualTo(1000L);
        assertThat(d.unit().word("ru", 5)).isEqualTo("деревьев");
    }

    @Test
    void everyBadFieldAtOnce() {
        Map<String, String> names = new HashMap<>();
        names.put("de", "Baum");
        names.put("kk", " ");
        var in = new CauseValidation.Input("", names, "x".repeat(2001), Map.of("ru", "дерево", "fr", "arbre"),
                Map.of("ru", Map.of("two", "дерева"), "kk", Map.of("few", "ағаш"), "xx", Map.of()),
                Map.of("ru", "посадили"), 0L, 0L, false);
        assertThat(fields(in)).containsExactlyInAnyOrder("name", "names.de", "names.kk", "description", "unit.fr",
                "unit.kk", "unit.en", "unitForms.ru.two", "unitForms.kk.few", "unitForms.xx", "verb.kk", "verb.en",
                "pointsPerUnit", "goalUnits");
    }

    @Test
    void theUnitIsRequiredAndPointsPerUnitBounded() {
        assertThat(fields(input("Trees", null, null, null))).containsExactly("unit", "pointsPerUnit");
        assertThat(fields(input("Trees", UNIT, 1_000_001L, 1_000_000_001L))).containsExactly("pointsPerUnit",
                "goalUnits");
        assertThat(fields(input("x".repeat(201), Map.of("ru", "д", "kk", "а", "en", "x".repeat(51)), 1L, null)))
                .containsExactly("name", "unit.en");
        assertThat(CauseValidation.check(input("Trees", UNIT, 1L, null)).goalUnits()).isNull();
        assertThat(CauseValidation.check(input("Trees", UNIT, 1_000_000L, 1_000_000_000L)).pointsPerUnit())
                .isEqualTo(1_000_000L);
    }

    @Test
    void aNullFormListIsNoForms() {
        Map<String, Map<String, String>> forms = new HashMap<>();
        forms.put("en", null);
        var d = CauseValidation.check(new CauseValidation.Input("Trees", null, null, UNIT, forms, null, 500L, null,
                true));
        assertThat(d.unit().word("en", 2)).isEqualTo("trees");
        assertThatThrownBy(() -> CauseValidation.check(new CauseValidation.Input("Trees", null, null, UNIT,
                Map.of("en", Map.of("one", "")), null, 500L, null, true))).isInstanceOf(ApiProblem.class);
    }
}
