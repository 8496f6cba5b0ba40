package io.kopilka.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Group commit under the ledger's eyes: 200 purchases of 50 members sent at once, with random
 * redemptions (some more than the member has) and 20 of them sent twice, go through the batcher in
 * batches of many members. Every answer is checked against what the database holds: a purchase
 * answered 201 is there with its points in the ledger, a refused one left nothing, a retry replays
 * the first answer to the letter, each member's answers follow one another in some order, and the
 * ledger's invariant holds.
 */
class BatchedPurchasesIT extends IntegrationTest {
    private static final int MEMBERS = 50;
    private static final int PURCHASES = 200;
    private static final int RETRIED = 20;
    private static final long WELCOME = 300;

    @Autowired
    MeterRegistry meters;

    record Sent(String externalId, String member, long redeem, Api.Response response) {
    }

    @Test
    void everyAnswerOfABatchIsWhatTheLedgerHolds() throws Exception {
        TestTenant tenant = newTenant();
        String key = tenant.adminKey();
        UUID tenantId = UUID.fromString(tenant.id());
        api.put(key, "/api/v1/program", Map.of("welcomePoints", WELCOME, "maxRedeemShare", "1"));
        api.post(key, "/api/v1/stores", Map.of("code", "main"));
        api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5"));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(newMember(tenant));
        }
        double batchesBefore = meters.summary("kopilka.purchases.batch.size").count();
        double purchasesBefore = meters.summary("kopilka.purchases.batch.size").totalAmount();

        Random random = new Random(20261203);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < PURCHASES; i++) {
            String member = members.get(random.nextInt(MEMBERS));
            // A third redeem, some of them more than a member can have after a few purchases.
            long redeem = random.nextInt(3) == 0 ? 1 + random.nextInt(400) : 0;
            bodies.add(Map.of("externalId", "batch-" + i, "storeCode", "main", "member", Map.of("id", member),
                    "redeemPoints", redeem, "items", List.of(Map.of("sku", "A", "quantity", 1,
                            "unitPrice", String.valueOf(500 + random.nextInt(5000))))));
        }
        // The retried ones redeem nothing: a send of a redeeming purchase may be priced before its
        // twin, be refused for the balance of that moment and rightly leave nothing, and then no
        // answer could be required of it. One that redeems nothing cannot be refused, so each
        // retry must replay.
        for (int i = 0; i < RETRIED; i++) {
            Map<String, Object> retried;
            do {
                retried = bodies.get(random.nextInt(PURCHASES));
            } while (((Number) retried.get("redeemPoints")).longValue() != 0);
            bodies.add(retried);
        }

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Sent>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Map<String, Object> body : bodies) {
                futures.add(pool.submit(() -> {
                    start.await();
                    @SuppressWarnings("unchecked")
                    String member = ((Map<String, String>) body.get("member")).get("id");
                    return new Sent((String) body.get("externalId"), member, ((Number) body.get("redeemPoints")).longValue(),
                            new Api(port).post(key, "/api/v1/purchases", body));
                }));
            }
            start.countDown();
        }
        List<Sent> sent = new ArrayList<>();
        for (Future<Sent> f : futures) {
            sent.add(f.get());
        }

        double batches = meters.summary("kopilka.purchases.batch.size").count() - batchesBefore;
        double batched = meters.summary("kopilka.purchases.batch.size").totalAmount() - purchasesBefore;
        assertThat(batched).as("purchases written in %s batches: some batches held several", batches)
                .isGreaterThan(batches);

        Map<String, String> firstAnswers = new HashMap<>();
        Map<String, List<Sent>> recordedByMember = new HashMap<>();
        for (Sent s : sent) {
            int status = s.response().status();
            assertThat(status).as("%s: %s", s.externalId(), s.response().body()).isIn(200, 201, 409, 422);
            if (status == 409) {
                // Not enough points is the only conflict here: a retry is never refused.
                assertThat(s.response().code()).as(s.externalId()).isEqualTo("insufficient_points");
            }
            if (status == 201) {
                assertThat(firstAnswers.put(s.externalId(), s.response().body())).as("one 201 per externalId").isNull();
                recordedByMember.computeIfAbsent(s.member(), m -> new ArrayList<>()).add(s);
            }
        }
        for (Sent s : sent) {
            int status = s.response().status();
            long rows = jdbc.sql("SELECT COUNT(*) FROM purchase WHERE tenant_id = :t AND external_id = :e")
                    .param("t", tenantId).param("e", s.externalId()).query(Long.class).single();
            if (firstAnswers.containsKey(s.externalId()) && status != 201) {
                assertThat(status).as("the other send of %s, once it went through", s.externalId()).isEqualTo(200);
            }
            if (status == 200) {
                assertThat(s.response().body()).as("a replay is the first answer").isEqualTo(firstAnswers.get(s.externalId()));
            } else if (status == 201) {
                assertThat(rows).isOne();
                assertAnswerIsTheLedger(tenantId, s);
            } else if (!firstAnswers.containsKey(s.externalId())) {
                assertThat(rows).as("a refused purchase leaves nothing: %s", s.externalId()).isZero();
            }
        }
        assertThat(firstAnswers).hasSizeGreaterThan(PURCHASES / 2);

        for (String member : members) {
            List<Sent> mine = recordedByMember.getOrDefault(member, List.of());
            long expected = WELCOME;
            for (Sent s : mine) {
                expected += s.response().json().path("pointsEarned").asLong() - s.response().json().path("pointsRedeemed").asLong();
            }
            long available = api.get(key, "/api/v1/members/" + member + "/balance").json().path("available").asLong();
            assertThat(available).as("member %s", member).isEqualTo(expected);
            assertAnswersFollowOneAnother(member, mine);
        }
        LedgerInvariant.check(jdbc, tenantId);
    }

    /** The answer's points are the purchase's ledger entries, and its payable the purchase row's. */
    private void assertAnswerIsTheLedger(UUID tenantId, Sent s) {
        String purchaseId = s.response().text("id");
        Map<String, Long> entries = new HashMap<>();
        jdbc.sql("SELECT type, SUM(points) FROM ledger_entry WHERE tenant_id = :t AND purchase_id = :p GROUP BY type")
                .param("t", tenantId).param("p", UUID.fromString(purchaseId))
                .query((rs, i) -> entries.put(rs.getString(1), rs.getLong(2))).list();
        long earned = s.response().json().path("pointsEarned").asLong();
        long redeemed = s.response().json().path("pointsRedeemed").asLong();
        assertThat(entries.getOrDefault("earn", 0L)).as("earned by %s", s.externalId()).isEqualTo(earned);
        assertThat(-entries.getOrDefault("redeem", 0L)).as("redeemed by %s", s.externalId()).isEqualTo(redeemed);
        assertThat(redeemed).isEqualTo(s.redeem());
        String payable = jdbc.sql("SELECT payable::text FROM purchase WHERE tenant_id = :t AND id = :p")
                .param("t", tenantId).param("p", UUID.fromString(purchaseId)).query(String.class).single();
        assertThat(new java.math.BigDecimal(payable))
                .isEqualByComparingTo(new java.math.BigDecimal(s.response().text("payable")));
    }

    /**
     * The balances the member's answers show are those of the purchases applied one after another in
     * some order: no two of them were priced from the same balance.
     */
    private static void assertAnswersFollowOneAnother(String member, List<Sent> answers) {
        assertThat(chain(WELCOME, new ArrayList<>(answers)))
                .as("member %s: the answers' balances follow one another from %d: %s", member, WELCOME, answers)
                .isTrue();
    }

    /** Whether the answers can follow one another from {@code balance} (a search: balances may repeat). */
    private static boolean chain(long balance, List<Sent> left) {
        if (left.isEmpty()) {
            return true;
        }
        for (Sent s : List.copyOf(left)) {
            long after = s.response().json().path("balance").path("available").asLong();
            long delta = s.response().json().path("pointsEarned").asLong() - s.response().json().path("pointsRedeemed").asLong();
            if (after == balance + delta) {
                left.remove(s);
                if (chain(after, left)) {
                    return true;
                }
                left.add(s);
            }
        }
        return false;
    }
}
