package io.kopilka.tenant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Each tenant gets a slug of its own, at creation or (made before slugs) at the start. */
class TenantSlugIT extends IntegrationTest {
    @Autowired
    SlugAssignment slugs;
    @Autowired
    TransactionTemplate tx;

    private Api.Response create(String name) {
        Api.Response r = api.post(PLATFORM_KEY, "/api/v1/tenants", Map.of("name", name, "currency", "KZT",
                "timezone", "Asia/Almaty"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private String slugOf(String id) {
        return jdbc.sql("SELECT slug FROM tenant WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
    }

    @Test
    void theSameNameTwiceGetsTwoSlugsAndOlderTenantsGetTheirsAtTheStart() {
        long n = ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String name = "Кофейня «Зерно» " + n;
        Api.Response first = create(name);
        Api.Response second = create(name);
        assertThat(first.text("slug")).isEqualTo("kofeynya-zerno-" + n);
        assertThat(second.text("slug")).isEqualTo("kofeynya-zerno-" + n + "-2");
        assertThat(slugOf(second.text("id"))).isEqualTo(second.text("slug"));

        jdbc.sql("UPDATE tenant SET slug = NULL WHERE id = :id").param("id", UUID.fromString(first.text("id")))
                .update();
        tx.executeWithoutResult(s -> slugs.backfill());
        assertThat(slugOf(first.text("id"))).isEqualTo("kofeynya-zerno-" + n);
    }

    /** Eight tenants of one name created at once: each gets its own slug, none fails. */
    @Test
    void tenantsOfOneNameCreatedAtOnceGetDifferentSlugs() throws Exception {
        String name = "Барбершоп " + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Api.Response>>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return create(name);
                }));
            }
            start.countDown();
            java.util.Set<String> slugsGiven = new java.util.HashSet<>();
            for (var answer : answers) {
                Api.Response r = answer.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                slugsGiven.add(r.text("slug"));
            }
            assertThat(slugsGiven).hasSize(8);
        }
    }
}
