package io.kopilka.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Concurrent duplicates resolve to exactly one effect. */
class MemberConcurrencyIT extends IntegrationTest {
    private static final int CALLERS = 6;

    /** Runs the call from several threads released at once; returns every answer. */
    private static List<Api.Response> atOnce(Supplier<Api.Response> call) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(CALLERS)) {
            List<CompletableFuture<Api.Response>> futures = IntStream.range(0, CALLERS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            go.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return call.get();
                    }, pool))
                    .toList();
            go.countDown();
            return futures.stream().map(f -> f.orTimeout(60, TimeUnit.SECONDS).join()).toList();
        }
    }

    @Test
    void concurrentRepliesWithOneIdempotencyKeyCreateOneMember() throws Exception {
        TestTenant t = newTenant();
        Map<String, String> body = Map.of("phone", randomPhone(), "name", "Aigerim");

        List<Api.Response> answers = atOnce(() -> api.post(t.adminKey(), "/api/v1/members", body, "join-once"));

        assertThat(answers).extracting(Api.Response::status).containsOnly(200, 201);
        assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(answers).extracting(r -> r.text("id")).containsOnly(answers.getFirst().text("id"));
        assertThat(memberRows(t)).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsOfOnePhoneCreateOneMember() throws Exception {
        TestTenant t = newTenant();
        String phone = randomPhone();

        List<Api.Response> answers = atOnce(() -> api.post(t.adminKey(), "/api/v1/members", Map.of("phone", phone)));

        assertThat(answers).extracting(Api.Response::status).containsOnly(201, 409);
        List<Api.Response> created = answers.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).hasSize(1);
        String id = created.getFirst().text("id");
        answers.stream().filter(r -> r.status() == 409).forEach(r -> {
            assertThat(r.code()).isEqualTo("member_exists");
            assertThat(r.text("memberId")).isEqualTo(id);
        });
        assertThat(memberRows(t)).isEqualTo(1);
    }
}
