package io.kopilka.badge;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.tier.ChangeReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MilestonesTest {
    private static final List<String> LADDER = List.of("base", "silver", "gold", "vip");

    @Test
    void theFirstAndTheTenthVisitAreMilestonesAndNoOtherIs() {
        assertThat(Milestones.atVisit(1, () -> "ru")).hasValueSatisfying(m -> {
            assertThat(m.code()).isEqualTo("first_visit");
            assertThat(m.name().name()).isEqualTo("Первый визит");
            assertThat(m.name().names()).isEqualTo(Map.of("ru", "Первый визит", "kk", "Алғашқы сапар",
                    "en", "First visit"));
        });
        assertThat(Milestones.atVisit(10, () -> "en")).hasValueSatisfying(m -> {
            assertThat(m.code()).isEqualTo("tenth_visit");
            assertThat(m.name().name()).isEqualTo("10 visits");
            assertThat(m.name().in("ru")).isEqualTo("10 визитов");
            assertThat(m.name().in("kk")).isEqualTo("10 сапар");
        });
        for (int visits : new int[] {-1, 0, 2, 9, 11, 20, 100}) {
            assertThat(Milestones.atVisit(visits, () -> {
                throw new AssertionError("no name is needed for visit " + visits);
            })).isEmpty();
        }
    }

    @Test
    void aLevelReachedOrAssignedAboveIsAMoveUp() {
        assertThat(Milestones.atLevel(ChangeReason.QUALIFIED, "base", "silver", LADDER, "Серебро", "ru"))
                .hasValueSatisfying(m -> {
                    assertThat(m.code()).isEqualTo("new_level_silver");
                    assertThat(m.name().name()).isEqualTo("Новый уровень: Серебро");
                    assertThat(m.name().in("kk")).isEqualTo("Жаңа деңгей: Серебро");
                    assertThat(m.name().in("en")).isEqualTo("New level: Серебро");
                });
        assertThat(Milestones.atLevel(ChangeReason.ASSIGNED, "silver", "vip", LADDER, "VIP", "ru"))
                .map(Milestones.Milestone::code).hasValue("new_level_vip");
    }

    @Test
    void aMoveDownOrAsideGivesNoBadge() {
        assertThat(Milestones.atLevel(ChangeReason.ASSIGNED, "gold", "base", LADDER, "Base", "ru")).isEmpty();
        assertThat(Milestones.atLevel(ChangeReason.ASSIGNED, "gone", "gold", LADDER, "Gold", "ru")).isEmpty();
        assertThat(Milestones.atLevel(ChangeReason.GRACE_ENDED, "gold", "silver", LADDER, "Silver", "ru")).isEmpty();
        assertThat(Milestones.atLevel(ChangeReason.LEVEL_REMOVED, "bronze", "gold", LADDER, "Gold", "ru")).isEmpty();
        assertThat(Milestones.mayMoveUp(ChangeReason.GRACE_ENDED)).isFalse();
        assertThat(Milestones.mayMoveUp(ChangeReason.LEVEL_REMOVED)).isFalse();
    }
}
