package io.kopilka.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kopilka.shared.error.ApiProblem;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChallengeValidationTest {

    private static ChallengeDocument doc(String metric, String target, ChallengeDocument.Window window,
                                         String headStart, ChallengeDocument.RewardSpec reward, String condition) {
        return new ChallengeDocument("Каждая 6-я стрижка бесплатно", null, null, metric,
                target == null ? null : new BigDecimal(target), window, null, null, null,
                new ChallengeDocument.Qualifier(null, null, null, condition), reward, null, null, null,
                headStart == null ? null : new BigDecimal(headStart), null);
    }

    private static final ChallengeDocument.RewardSpec POINTS = new ChallengeDocument.RewardSpec(500L, null, null);

    @Test
    void aStampCardWithDefaults() {
        ChallengeDraft d = doc("visits", "6", null, null, POINTS, null).toDraft();
        assertThat(d.metric()).isEqualTo(ChallengeDraft.Metric.VISITS);
        assertThat(d.target()).isEqualByComparingTo("6");
        assertThat(d.repeat()).isTrue();
        assertThat(d.oncePerDay()).isFalse();
        assertThat(d.active()).isTrue();
        assertThat(d.headStart()).isEqualByComparingTo("0");
        assertThat(doc("spend", "3500.5", new ChallengeDocument.Window(60), "100", POINTS, null).toDraft().target())
                .isEqualByComparingTo("3500.50");
    }

    @Test
    void everyBadFieldAtOnce() {
        assertThatThrownBy(() -> doc("visits", "0", new ChallengeDocument.Window(-1), null,
                new ChallengeDocument.RewardSpec(null, null, "Not A Code"), null).toDraft())
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("validation_failed");
                    assertThat(p.errors()).extracting(ApiProblem.FieldError::field)
                            .contains("target", "window.days", "reward.badge");
                });
        assertThatThrownBy(() -> doc("visits", "2.5", null, null, POINTS, null).toDraft())
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.errors())
                        .extracting(ApiProblem.FieldError::field).containsExactly("target"));
        assertThatThrownBy(() -> doc("steps", "6", null, null, POINTS, null).toDraft())
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.errors())
                        .extracting(ApiProblem.FieldError::field).containsExactly("metric"));
        assertThatThrownBy(() -> doc("visits", "6", null, "6", POINTS, null).toDraft())
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.errors())
                        .extracting(ApiProblem.FieldError::field).containsExactly("headStart"));
        assertThatThrownBy(() -> doc("visits", "6", null, null, new ChallengeDocument.RewardSpec(0L, null, null),
                null).toDraft()).isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.errors())
                .extracting(ApiProblem.FieldError::field).containsExactly("reward"));
    }

    @Test
    void aConditionThatDoesNotCompileSaysWhere() {
        assertThatThrownBy(() -> doc("visits", "6", null, null, POINTS, "purchase.total >").toDraft())
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("invalid_condition");
                    assertThat(p.properties()).containsKeys("line", "column");
                });
        assertThat(doc("visits", "6", null, null, POINTS, "purchase.total > 5000.0").toDraft().qualifier().condition())
                .isNotNull();
    }
}
