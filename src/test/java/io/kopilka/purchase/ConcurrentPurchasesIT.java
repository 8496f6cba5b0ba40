package io.kopilka.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 32 tills at once on four members: purchases with redemption, the same externalId sent twice,
 * transfers both ways between the same pair. Afterwards every balance equals what the successful
 * answers add up to, and no request failed with a 500.
 */
class ConcurrentPurchasesIT extends IntegrationTest {
    private static final int THREADS = 32;
    private static final int OPERATIONS_PER_THREAD = 25;

    @Test
    void finalStateEqualsTheSumOfSuccessfulAnswers() throws Exception {
        TestTenant tenant = newTenant();
        String key = tenant.adminKey();
        api.put(key, "/api/v1/program", Map.of("welcomePoints", 500, "maxRedeemShare", "1"));
        api.post(key, "/api/v1/stores", Map.of("code", "main"));
        api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5"));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(newMember(tenant));
        }
        Map<String, AtomicLong> expected = new ConcurrentHashMap<>();
        members.forEach(m -> expected.put(m, new AtomicLong(500)));
        Map<String, String> firstAnswers = new ConcurrentHashMap<>();
        AtomicLong serverErrors = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong replays = new AtomicLong();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                Random random = new Random(thread);
                Api client = new Api(port);
                for (int op = 0; op < OPERATIONS_PER_THREAD; op++) {
                    int kind = random.nextInt(10);
                    if (kind < 2) {
                        // transfers both ways between members 0 and 1
                        boolean forward = random.nextBoolean();
                        String from = members.get(forward ? 0 : 1);
                        String to = members.get(forward ? 1 : 0);
                        long points = 1 + random.nextInt(40);
                        Api.Response r = client.post(key, "/api/v1/transfers",
                                Map.of("fromMemberId", from, "toMemberId", to, "points", points));
                        if (r.status() == 201) {
                            expected.get(from).addAndGet(-points);
                            expected.get(to).addAndGet(points);
                        } else if (r.status() >= 500) {
                            serverErrors.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                        }
                        continue;
                    }
                    String member = members.get(random.nextInt(members.size()));
                    // Every fifth purchase reuses an id another thread also sends: a till retrying.
                    String externalId = kind == 9 ? "dup-" + random.nextInt(20) : "p-" + thread + "-" + op;
                    Map<String, Object> body = Map.of("externalId", externalId, "storeCode", "main",
                            "member", Map.of("id", kind == 9 ? members.get(Math.abs(externalId.hashCode()) % 4) : member),
                            "redeemPoints", kind == 9 ? 0 : random.nextInt(3) == 0 ? 1 + random.nextInt(60) : 0,
                            "items", List.of(Map.of("sku", "A", "quantity", 1,
                                    "unitPrice", kind == 9 ? "1000" : String.valueOf(100 + random.nextInt(2000)))));
                    Api.Response r = client.post(key, "/api/v1/purchases", body);
                    if (r.status() == 201) {
                        String target = r.text("memberId");
                        expected.get(target).addAndGet(r.json().path("pointsEarned").asLong()
                                - r.json().path("pointsRedeemed").asLong());
                        assertThat(firstAnswers.putIfAbsent(externalId, r.body())).isNull();
                    } else if (r.status() == 200) {
                        replays.incrementAndGet();
                    } else if (r.status() >= 500) {
                        serverErrors.incrementAndGet();
                    } else {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();

        assertThat(serverErrors.get()).isZero();
        assertThat(replays.get()).isPositive();
        for (String m : members) {
            long available = api.get(key, "/api/v1/members/" + m + "/balance").json().path("available").asLong();
            assertThat(available).as("member %s", m).isEqualTo(expected.get(m).get());
        }
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
        long purchases = jdbc.sql("SELECT COUNT(*) FROM purchase WHERE tenant_id = :t")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single();
        assertThat(purchases).isEqualTo(firstAnswers.size());
    }
}
