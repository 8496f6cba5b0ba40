package io.kopilka.gift;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Gifts of one pos key racing for its daily limit never pass it together. */
class GiftLimitRaceIT extends IntegrationTest {
    private static final int GIFTS = 32;

    @Test
    void thirtyTwoConcurrentGiftsOfOneKeyGiveExactlyTheLimit() throws Exception {
        TestTenant t = newTenant();
        assertThat(api.put(t.adminKey(), "/api/v1/program", Map.of("staffGifts", Map.of("pointsPerKeyPerDay", 500)))
                .status()).isEqualTo(200);
        String pos = newKey(t, "pos");
        List<String> members = List.of(newMember(t), newMember(t), newMember(t), newMember(t));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(GIFTS)) {
            for (int i = 0; i < GIFTS; i++) {
                // Half of them to one member (its account lock too), the rest spread over the others.
                String member = members.get(i % 2 == 0 ? 0 : 1 + i % 3);
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post(pos, "/api/v1/members/" + member + "/gifts",
                            Map.of("points", 100, "reason", "долгое ожидание"));
                }));
            }
            start.countDown();
        }
        int given = 0;
        int refused = 0;
        for (Future<Api.Response> answer : answers) {
            Api.Response r = answer.get();
            if (r.status() == 201) {
                given++;
            } else {
                assertThat(r.status()).as(r.toString()).isEqualTo(403);
                assertThat(r.code()).isEqualTo("gift_limit_exceeded");
                refused++;
            }
        }
        assertThat(given).isEqualTo(5);
        assertThat(refused).isEqualTo(GIFTS - 5);

        UUID tenant = UUID.fromString(t.id());
        assertThat(jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM ledger_entry WHERE tenant_id = :t AND type = 'gift'")
                .param("t", tenant).query(Long.class).single()).isEqualTo(500);
        assertThat(jdbc.sql("SELECT given FROM gift_key_day WHERE tenant_id = :t").param("t", tenant)
                .query(Long.class).single()).isEqualTo(500);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE tenant_id = :t AND action = 'points.gifted'")
                .param("t", tenant).query(Long.class).single()).isEqualTo(5);
        long available = 0;
        for (String m : members) {
            available += api.get(t.adminKey(), "/api/v1/members/" + m + "/balance").json().path("available").asLong();
        }
        assertThat(available).isEqualTo(500);
        LedgerInvariant.check(jdbc, tenant);
    }
}
