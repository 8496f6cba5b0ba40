package io.kopilka.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The wallet's rotating code against a clock the test moves: RFC 6238 steps, each good once. */
class RedemptionConfirmationsIT extends IntegrationTest {
    @Autowired
    RedemptionConfirmations confirmations;

    private record Who(TenantId tenant, MemberId member) {
    }

    private Who member() {
        TestTenant t = newTenant();
        return new Who(new TenantId(UUID.fromString(t.id())), new MemberId(UUID.fromString(newMember(t))));
    }

    @Test
    void theCodeOfThisStepOrTheOneBeforeIsGoodOnceAndAnOlderOneIsNot() {
        Who w = member();
        Instant start = Instant.parse("2026-11-22T09:00:05Z");
        clock.set(start);
        String code = confirmations.currentCode(w.tenant(), w.member(), clock.instant());
        assertThat(code).matches("[0-9]{6}");
        assertThat(confirmations.currentCode(w.tenant(), w.member(), start.plusSeconds(20))).isEqualTo(code);

        clock.advance(Duration.ofSeconds(30)); // the next step: the one before is still taken
        assertThat(confirmations.confirm(w.tenant(), w.member(), code, clock.instant())).isTrue();
        assertThat(confirmations.confirm(w.tenant(), w.member(), code, clock.instant())).as("a code is good once").isFalse();

        String now = confirmations.currentCode(w.tenant(), w.member(), clock.instant());
        assertThat(now).isNotEqualTo(code);
        clock.advance(Duration.ofSeconds(60)); // two steps later
        assertThat(confirmations.confirm(w.tenant(), w.member(), now, clock.instant())).isFalse();
        String fresh = confirmations.currentCode(w.tenant(), w.member(), clock.instant());
        assertThat(confirmations.confirm(w.tenant(), w.member(), "  " + fresh.substring(0, 3) + " " + fresh.substring(3),
                clock.instant())).as("spaces between the groups are fine").isTrue();
    }

    @Test
    void fiveWrongCodesLockConfirmationForFiveMinutes() {
        Who w = member();
        clock.set(Instant.parse("2026-11-22T10:00:00Z"));
        String good = confirmations.currentCode(w.tenant(), w.member(), clock.instant());
        String wrong = good.equals("123456") ? "654321" : "123456";
        for (int i = 0; i < 5; i++) {
            assertThat(confirmations.confirm(w.tenant(), w.member(), wrong, clock.instant())).isFalse();
        }
        assertThat(confirmations.confirm(w.tenant(), w.member(), good, clock.instant())).as("locked").isFalse();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        String later = confirmations.currentCode(w.tenant(), w.member(), clock.instant());
        assertThat(confirmations.confirm(w.tenant(), w.member(), later, clock.instant())).isTrue();
    }

    @Test
    void anotherBusinesssMemberHasNoCodeAndConfirmsNothing() {
        Who w = member();
        Who other = member();
        String code = confirmations.currentCode(w.tenant(), w.member(), clock.instant());
        assertThat(confirmations.confirm(other.tenant(), w.member(), code, clock.instant())).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                confirmations.currentCode(other.tenant(), w.member(), clock.instant()))
                .hasMessageContaining("not found");
    }
}
