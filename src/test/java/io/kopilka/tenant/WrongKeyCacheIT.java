package io.kopilka.tenant;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Regression (defect 11): every wrong key cost a database query, so a flood of wrong keys was a flood
 * of queries. A key found wrong is remembered for a while: sent again, it is answered 401 without
 * asking the database. Counted by the pool's connection acquisitions (each key look-up takes one).
 */
class WrongKeyCacheIT extends IntegrationTest {
    @Autowired
    MeterRegistry meters;

    private long acquisitions() {
        return meters.find("hikaricp.connections.acquire").timers().stream().mapToLong(Timer::count).sum();
    }

    @Test
    void aRepeatedWrongKeyIsNotLookedUpAgain() {
        TestTenant t = newTenant();
        String wrong = "kp_" + t.id().replace("-", "") + "_" + "B".repeat(32); // the right shape, a made-up secret
        assertProblem(api.get(wrong, "/api/v1/members"), 401, "unauthorized");

        long before = acquisitions();
        for (int i = 0; i < 50; i++) {
            assertProblem(api.get(wrong, "/api/v1/members"), 401, "unauthorized");
        }
        assertThat(acquisitions() - before).as("connections taken for 50 requests with one wrong key")
                .isLessThan(10);

        // A right key is unaffected, and still found at once after the wrong ones.
        assertThat(api.get(t.adminKey(), "/api/v1/members").status()).isEqualTo(200);
    }
}
