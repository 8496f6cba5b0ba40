package io.kopilka.ledger;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency-Key on adjustments and transfers: one effect per key, the first answer replayed, conflicts refused. */
class PointsIdempotencyIT extends IntegrationTest {
    private static final int THREADS = 8;
    private TestTenant tenant;
    private String key;
    private String alice;
    private String bob;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        key = tenant.adminKey();
        alice = newMember(tenant);
        bob = newMember(tenant);
        assertThat(api.post(key, "/api/v1/members/" + alice + "/adjustments", Map.of("points", 500, "reason", "seed"))
                .status()).isEqualTo(201);
    }

    private long available(String member) {
        return api.get(key, "/api/v1/members/" + member + "/balance").json().path("available").asLong();
    }

    private long entries(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE tenant_id = :t AND type = :type")
                .param("t", UUID.fromString(tenant.id())).param("type", type).query(Long.class).single();
    }

    private String adjust(String member) {
        return "/api/v1/members/" + member + "/adjustments";
    }

    @Test
    void aReplayedAdjustmentAnswersTheSameAndGivesOnce() {
        Map<String, Object> body = Map.of("points", 40, "reason", "compensation", "note", "long wait");
        Api.Response first = api.post(key, adjust(bob), body, "adj-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("balance").path("available").asLong()).isEqualTo(40);
        // Something else happens in between; the replay still tells the first answer.
        api.post(key, adjust(bob), Map.of("points", 5, "reason", "other"));
        Api.Response replay = api.post(key, adjust(bob), body, "adj-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(available(bob)).isEqualTo(45);
        assertThat(entries("adjust")).isEqualTo(1 + 2);
    }

    @Test
    void theSameAdjustmentKeyWithAnotherBodyIsAConflictAndWritesNothing() {
        assertThat(api.post(key, adjust(bob), Map.of("points", 40, "reason", "compensation"), "adj-2").status())
                .isEqualTo(201);
        for (Map<String, Object> other : List.<Map<String, Object>>of(Map.of("points", 41, "reason", "compensation"),
                Map.of("points", 40, "reason", "something else"),
                Map.of("points", 40, "reason", "compensation", "note", "added"),
                Map.of("points", -40, "reason", "compensation"))) {
            assertProblem(api.post(key, adjust(bob), other, "adj-2"), 409, "idempotency_conflict");
        }
        assertThat(available(bob)).isEqualTo(40);
        assertThat(entries("adjust")).isEqualTo(2);
        // A new key is a new adjustment.
        assertThat(api.post(key, adjust(bob), Map.of("points", 40, "reason", "compensation"), "adj-3").status())
                .isEqualTo(201);
        assertThat(available(bob)).isEqualTo(80);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void aReplayedTransferAnswersTheSameAndMovesOnce() {
        Map<String, Object> body = Map.of("fromMemberId", alice, "toMemberId", bob, "points", 120);
        Api.Response first = api.post(key, "/api/v1/transfers", body, "tr-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response replay = api.post(key, "/api/v1/transfers", body, "tr-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(available(alice)).isEqualTo(380);
        assertThat(available(bob)).isEqualTo(120);

        assertProblem(api.post(key, "/api/v1/transfers", Map.of("fromMemberId", alice, "toMemberId", bob,
                "points", 121), "tr-1"), 409, "idempotency_conflict");
        assertProblem(api.post(key, "/api/v1/transfers", Map.of("fromMemberId", bob, "toMemberId", alice,
                "points", 120), "tr-1"), 409, "idempotency_conflict");
        assertThat(available(alice)).isEqualTo(380);
        assertThat(available(bob)).isEqualTo(120);
        assertThat(entries("transfer_out")).isEqualTo(1);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void aRefusedTransferDoesNotUseUpItsKey() {
        Map<String, Object> body = Map.of("fromMemberId", bob, "toMemberId", alice, "points", 50);
        assertProblem(api.post(key, "/api/v1/transfers", body, "tr-2"), 409, "insufficient_points");
        api.post(key, adjust(bob), Map.of("points", 50, "reason", "top up"));
        Api.Response retry = api.post(key, "/api/v1/transfers", body, "tr-2");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(available(bob)).isZero();
        assertThat(available(alice)).isEqualTo(550);
    }

    /** Fires the same call from {@link #THREADS} threads released at once; returns the answers. */
    private List<Api.Response> concurrently(Callable<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private static void assertExactlyOneCreatedAndTheRestReplays(List<Api.Response> answers) {
        assertThat(answers).extracting(Api.Response::status).as(answers.toString()).containsOnly(200, 201);
        assertThat(answers.stream().filter(r -> r.status() == 201).count()).as(answers.toString()).isEqualTo(1);
        assertThat(answers).extracting(Api.Response::json).as("every answer is the first answer").containsOnly(
                answers.getFirst().json());
    }

    @Test
    void concurrentDuplicateAdjustmentsHaveExactlyOneEffect() throws Exception {
        Map<String, Object> body = Map.of("points", 25, "reason", "sorry");
        List<Api.Response> answers = concurrently(() -> new Api(port).post(key, adjust(bob), body, "adj-race"));
        assertExactlyOneCreatedAndTheRestReplays(answers);
        assertThat(available(bob)).isEqualTo(25);
        assertThat(entries("adjust")).isEqualTo(2);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void concurrentDuplicateTransfersHaveExactlyOneEffect() throws Exception {
        Map<String, Object> body = Map.of("fromMemberId", alice, "toMemberId", bob, "points", 300);
        List<Api.Response> answers = concurrently(() -> new Api(port).post(key, "/api/v1/transfers", body, "tr-race"));
        assertExactlyOneCreatedAndTheRestReplays(answers);
        assertThat(available(alice)).isEqualTo(200);
        assertThat(available(bob)).isEqualTo(300);
        assertThat(entries("transfer_in")).isEqualTo(1);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void concurrentRequestsWithOneKeyAndDifferentBodiesHaveOneEffectAndTheRestConflict() throws Exception {
        List<Api.Response> answers = concurrently(() -> {
            long points = 1 + (Thread.currentThread().threadId() % 2);
            return new Api(port).post(key, "/api/v1/transfers",
                    Map.of("fromMemberId", alice, "toMemberId", bob, "points", points), "tr-mixed");
        });
        assertThat(answers).extracting(Api.Response::status).containsOnly(200, 201, 409);
        assertThat(answers.stream().filter(r -> r.status() == 201).count()).as(answers.toString()).isEqualTo(1);
        answers.stream().filter(r -> r.status() == 409).forEach(r -> assertThat(r.code()).isEqualTo("idempotency_conflict"));
        long moved = answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json().path("points")
                .asLong();
        assertThat(available(bob)).isEqualTo(moved);
        assertThat(available(alice)).isEqualTo(500 - moved);
        assertThat(entries("transfer_in")).isEqualTo(1);
    }

    @Test
    void aTransferReplayAfterErasureIsTheFirstAnswer() {
        Map<String, Object> body = Map.of("fromMemberId", alice, "toMemberId", bob, "points", 10);
        Api.Response first = api.post(key, "/api/v1/transfers", body, "tr-erase");
        assertThat(first.status()).isEqualTo(201);
        assertThat(api.delete(key, "/api/v1/members/" + bob).status()).isEqualTo(204);
        Api.Response replay = api.post(key, "/api/v1/transfers", body, "tr-erase");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());
    }
}
