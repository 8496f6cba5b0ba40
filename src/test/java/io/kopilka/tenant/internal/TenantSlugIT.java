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
}
