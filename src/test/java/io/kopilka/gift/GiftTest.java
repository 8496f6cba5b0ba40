package io.kopilka.gift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.kopilka.shared.error.ApiProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class GiftTest {

    @Test
    void pointsOrACouponWithAReason() {
        assertThat(Gift.of(200L, null, "долгое ожидание", "at the window"))
                .isEqualTo(new Gift.PointsGift(200, "долгое ожидание", "at the window"));
        assertThat(Gift.of(null, "r-1", "birthday", null)).isEqualTo(new Gift.CouponGift("r-1", "birthday", null));
        assertThat(Gift.of(1_000_000_000L, null, "x".repeat(200), "n".repeat(1000))).isInstanceOf(Gift.PointsGift.class);
    }

    @Test
    void eachRefusedFieldIsNamed() {
        assertThat(fields(null, null, "why", null)).containsExactly("points");
        assertThat(fields(10L, "r-1", "why", null)).containsExactly("rewardId");
        assertThat(fields(0L, null, "why", null)).containsExactly("points");
        assertThat(fields(-5L, null, "why", null)).containsExactly("points");
        assertThat(fields(1_000_000_001L, null, "why", null)).containsExactly("points");
        assertThat(fields(null, " ", "why", null)).containsExactly("rewardId");
        assertThat(fields(null, "r".repeat(101), "why", null)).containsExactly("rewardId");
        assertThat(fields(10L, null, null, null)).containsExactly("reason");
        assertThat(fields(10L, null, "  ", null)).containsExactly("reason");
        assertThat(fields(10L, null, "x".repeat(201), null)).containsExactly("reason");
        assertThat(fields(10L, null, "why", "n".repeat(1001))).containsExactly("note");
        assertThat(fields(0L, null, "", "n".repeat(1001))).containsExactly("points", "reason", "note");
    }

    private static List<String> fields(Long points, String rewardId, String reason, String note) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> Gift.of(points, rewardId, reason, note));
        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.code()).isEqualTo("validation_failed");
        return problem.errors().stream().map(ApiProblem.FieldError::field).toList();
    }
}
