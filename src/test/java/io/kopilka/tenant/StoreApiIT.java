package io.kopilka.tenant;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StoreApiIT extends IntegrationTest {

    @Test
    void createsAndListsStores() {
        TestTenant t = newTenant();
        Api.Response main = api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Main street"));
        assertThat(main.status()).as(main.toString()).isEqualTo(201);
        assertThat(main.text("code")).isEqualTo("main");
        assertThat(main.text("name")).isEqualTo("Main street");
        assertThat(OffsetDateTime.parse(main.text("createdAt")).toInstant()).isEqualTo(START);

        clock.advance(Duration.ofMinutes(5));
        Api.Response unnamed = api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "abaya-2"));
        assertThat(unnamed.status()).as(unnamed.toString()).isEqualTo(201);
        assertThat(unnamed.text("name")).isEqualTo("abaya-2");

        JsonNode items = api.get(t.adminKey(), "/api/v1/stores").json().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("code").asString()).isEqualTo("abaya-2");
        assertThat(items.get(1).path("code").asString()).isEqualTo("main");
        assertThat(items.get(1).path("name").asString()).isEqualTo("Main street");
    }

    @Test
    void duplicateCodeIsAConflict() {
        TestTenant t = newTenant();
        assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main")).status()).isEqualTo(201);
        assertProblem(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Other")), 409,
                "store_exists");
        JsonNode items = api.get(t.adminKey(), "/api/v1/stores").json().path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("name").asString()).isEqualTo("main");
    }

    @Test
    void codesAreUniquePerTenantOnly() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        assertThat(api.post(a.adminKey(), "/api/v1/stores", Map.of("code", "main")).status()).isEqualTo(201);
        assertThat(api.post(b.adminKey(), "/api/v1/stores", Map.of("code", "main")).status()).isEqualTo(201);
        assertThat(api.get(b.adminKey(), "/api/v1/stores").json().path("items")).hasSize(1);
    }

    @Test
    void invalidStoresAreRefused() {
        TestTenant t = newTenant();
        assertInvalid(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "")), "code");
        assertInvalid(api.post(t.adminKey(), "/api/v1/stores", Map.of("name", "No code")), "code");
        assertInvalid(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main street")), "code");
        assertInvalid(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "x".repeat(65))), "code");
        assertInvalid(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "ok", "name", "n".repeat(201))), "name");
        assertThat(api.get(t.adminKey(), "/api/v1/stores").json().path("items")).isEmpty();
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        TestTenant t = newTenant();
        Map<String, String> body = Map.of("code", "main", "name", "Main street");
        Api.Response first = api.post(t.adminKey(), "/api/v1/stores", body, "store-1");
        clock.advance(Duration.ofHours(1));
        Api.Response replay = api.post(t.adminKey(), "/api/v1/stores", body, "store-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.text("code")).isEqualTo("main");
        assertThat(replay.text("name")).isEqualTo("Main street");
        assertThat(OffsetDateTime.parse(replay.text("createdAt")).toInstant())
                .isEqualTo(OffsetDateTime.parse(first.text("createdAt")).toInstant()).isEqualTo(START);
        assertProblem(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "other"), "store-1"), 409,
                "idempotency_conflict");
        assertThat(api.get(t.adminKey(), "/api/v1/stores").json().path("items")).hasSize(1);
    }

    /**
     * Regression (shared/idempotency/Idempotency.replay, fixed): the stored answer is read back into the
     * response type with Jackson, which moves every OffsetDateTime to UTC, so a replay says
     * "createdAt": "2026-11-22T09:00:00Z" where the first answer said "2026-11-22T14:00:00+05:00".
     * The contract says a replay returns the first answer.
     */
    @Test
    void replayIsTheFirstAnswerExactly() {
        TestTenant t = newTenant();
        Map<String, String> body = Map.of("code", "main", "name", "Main street");
        Api.Response first = api.post(t.adminKey(), "/api/v1/stores", body, "store-1");
        Api.Response replay = api.post(t.adminKey(), "/api/v1/stores", body, "store-1");
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(replay.text("createdAt")).isEqualTo("2026-11-22T14:00:00+05:00");
    }
}
