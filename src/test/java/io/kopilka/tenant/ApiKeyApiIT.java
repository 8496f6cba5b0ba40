package io.kopilka.tenant;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiKeyApiIT extends IntegrationTest {

    @Test
    void createsAPosKeyForAStore() {
        TestTenant t = newTenant();
        assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main")).status()).isEqualTo(201);

        Api.Response r = api.post(t.adminKey(), "/api/v1/api-keys",
                Map.of("name", "till 1", "role", "pos", "storeCode", "main"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(UUID.fromString(r.text("id"))).isNotNull();
        assertThat(r.text("key")).startsWith("kp_" + t.id().replace("-", "") + "_");
        assertThat(r.text("name")).isEqualTo("till 1");
        assertThat(r.text("role")).isEqualTo("pos");
        assertThat(r.text("storeCode")).isEqualTo("main");
        assertThat(api.get(r.text("key"), "/api/v1/stores").status()).isEqualTo(200);
    }

    @Test
    void listShowsKeysWithoutTheirSecrets() {
        TestTenant t = newTenant();
        clock.advance(Duration.ofMinutes(1));
        Api.Response pos = api.post(t.adminKey(), "/api/v1/api-keys", Map.of("name", "till 1", "role", "pos"));

        Api.Response list = api.get(t.adminKey(), "/api/v1/api-keys");

        assertThat(list.status()).isEqualTo(200);
        JsonNode items = list.json().path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("role").asString()).isEqualTo("admin");
        JsonNode till = items.get(1);
        assertThat(till.path("id").asString()).isEqualTo(pos.text("id"));
        assertThat(till.path("name").asString()).isEqualTo("till 1");
        assertThat(till.path("role").asString()).isEqualTo("pos");
        String secret = pos.text("key");
        assertThat(till.path("hint").asString()).isEqualTo("…" + secret.substring(secret.length() - 6));
        assertThat(OffsetDateTime.parse(till.path("createdAt").asString()).toInstant())
                .isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(till.path("revokedAt").isNull()).isTrue();
        assertThat(till.has("key")).isFalse();
        assertThat(list.body()).doesNotContain(pos.text("key")).doesNotContain(t.adminKey());
        assertThat(list.json().has("nextCursor")).isTrue();
    }

    @Test
    void revokingMarksTheKeyAndIsRepeatable() {
        TestTenant t = newTenant();
        Api.Response pos = api.post(t.adminKey(), "/api/v1/api-keys", Map.of("name", "till 1", "role", "pos"));
        clock.advance(Duration.ofHours(2));

        assertThat(api.delete(t.adminKey(), "/api/v1/api-keys/" + pos.text("id")).status()).isEqualTo(204);
        clock.advance(Duration.ofHours(1));
        assertThat(api.delete(t.adminKey(), "/api/v1/api-keys/" + pos.text("id")).status()).isEqualTo(204);

        JsonNode till = api.get(t.adminKey(), "/api/v1/api-keys").json().path("items").get(1);
        assertThat(Instant.parse(till.path("revokedAt").asString())).isEqualTo(START.plus(Duration.ofHours(2)));
        assertProblem(api.get(pos.text("key"), "/api/v1/members"), 401, "unauthorized");
    }

    @Test
    void unknownKeysAreNotFound() {
        TestTenant t = newTenant();
        assertProblem(api.delete(t.adminKey(), "/api/v1/api-keys/" + UUID.randomUUID()), 404, "not_found");
        assertProblem(api.delete(t.adminKey(), "/api/v1/api-keys/not-a-uuid"), 404, "not_found");
    }

    @Test
    void anotherTenantsKeyCannotBeRevoked() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        Api.Response aPos = api.post(a.adminKey(), "/api/v1/api-keys", Map.of("name", "till", "role", "pos"));
        String aAdminId = api.get(a.adminKey(), "/api/v1/api-keys").json().path("items").get(0).path("id").asString();

        assertProblem(api.delete(b.adminKey(), "/api/v1/api-keys/" + aPos.text("id")), 404, "not_found");
        assertProblem(api.delete(b.adminKey(), "/api/v1/api-keys/" + aAdminId), 404, "not_found");

        assertThat(api.get(aPos.text("key"), "/api/v1/stores").status()).isEqualTo(200);
        assertThat(api.get(a.adminKey(), "/api/v1/api-keys").status()).isEqualTo(200);
        assertThat(api.get(b.adminKey(), "/api/v1/api-keys").json().path("items")).hasSize(1);
    }

    @Test
    void invalidKeyRequestsAreRefused() {
        TestTenant t = newTenant();
        TestTenant other = newTenant();
        assertThat(api.post(other.adminKey(), "/api/v1/stores", Map.of("code", "theirs")).status()).isEqualTo(201);

        assertInvalid(api.post(t.adminKey(), "/api/v1/api-keys", Map.of("name", "k", "role", "owner")), "role");
        assertInvalid(api.post(t.adminKey(), "/api/v1/api-keys", Map.of("name", "k", "role", "ADMIN")), "role");
        assertInvalid(api.post(t.adminKey(), "/api/v1/api-keys", Map.of("name", "k")), "role");
        assertInvalid(api.post(t.adminKey(), "/api/v1/api-keys", Map.of("name", " ", "role", "pos")), "name");
        assertInvalid(api.post(t.adminKey(), "/api/v1/api-keys", Map.of("name", "k".repeat(201), "role", "pos")),
                "name");
        assertInvalid(api.post(t.adminKey(), "/api/v1/api-keys",
                Map.of("name", "k", "role", "pos", "storeCode", "nowhere")), "storeCode");
        assertInvalid(api.post(t.adminKey(), "/api/v1/api-keys",
                Map.of("name", "k", "role", "pos", "storeCode", "theirs")), "storeCode");

        assertThat(api.get(t.adminKey(), "/api/v1/api-keys").json().path("items")).hasSize(1);
    }
}
