package io.kopilka.cause;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static io.kopilka.testing.ProblemAssert.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST, GET, PUT and DELETE /api/v1/causes: every field, every refusal, and nothing written by one. */
class CauseApiIT extends IntegrationTest {
    private TestTenant tenant;
    private String admin;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        admin = tenant.adminKey();
    }

    private String create(Map<String, Object> cause) {
        Api.Response r = api.post(admin, "/api/v1/causes", cause);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    private long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = :t")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single();
    }

    private List<String> auditActions() {
        return jdbc.sql("SELECT action FROM audit_entry WHERE tenant_id = :t AND object_type = 'cause' ORDER BY id")
                .param("t", UUID.fromString(tenant.id())).query(String.class).list();
    }

    @Test
    void aCauseAsStoredWithItsTotalsAndSentences() {
        Api.Response r = api.post(admin, "/api/v1/causes", CauseTesting.plantATree());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(c.path("name").asString()).isEqualTo("Посади дерево");
        assertThat(c.path("names").path("en").asString()).isEqualTo("Plant a tree");
        assertThat(c.path("unit").path("kk").asString()).isEqualTo("ағаш");
        assertThat(c.path("unitForms").path("ru").path("many").asString()).isEqualTo("деревьев");
        assertThat(c.path("pointsPerUnit").asLong()).isEqualTo(500);
        assertThat(c.path("goalUnits").asLong()).isEqualTo(1000);
        assertThat(c.path("active").asBoolean()).isTrue();
        assertThat(c.path("totalPoints").asLong()).isZero();
        assertThat(c.path("units").asLong()).isZero();
        assertThat(c.path("donors").asLong()).isZero();
        assertThat(c.path("progress").asString()).isEqualTo("0.00");
        assertThat(c.path("together").path("ru").asString()).isEqualTo("Вместе мы посадили 0 деревьев");
        assertThat(c.path("together").path("kk").asString()).isEqualTo("Бірге 0 ағаш отырғыздық");
        assertThat(c.path("together").path("en").asString()).isEqualTo("Together we planted 0 trees");
        assertThat(c.path("createdAt").asString()).endsWith("+05:00");

        assertThat(api.get(admin, "/api/v1/causes/" + c.path("id").asString()).json()).isEqualTo(c);
        assertThat(auditActions()).containsExactly("cause.created");
    }

    @Test
    void aGoalAndAVerbAreOptional() {
        Map<String, Object> cause = new HashMap<>(CauseTesting.plantATree());
        cause.remove("goalUnits");
        cause.remove("verb");
        cause.remove("unitForms");
        cause.remove("active");
        Api.Response r = api.post(admin, "/api/v1/causes", cause);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().path("goalUnits").isNull()).isTrue();
        assertThat(r.json().path("progress").isNull()).isTrue();
        assertThat(r.json().path("active").asBoolean()).isTrue();
        assertThat(r.json().path("together").path("en").asString()).isEqualTo("Together so far: 0 trees");
    }

    @Test
    void badFieldsAreAllNamedAndNothingIsWritten() {
        Map<String, Object> cause = new HashMap<>(CauseTesting.plantATree());
        cause.put("name", " ");
        cause.put("unit", Map.of("ru", "дерево"));
        cause.put("unitForms", Map.of("en", Map.of("few", "trees")));
        cause.put("pointsPerUnit", 0);
        cause.put("goalUnits", -1);
        Api.Response r = assertProblem(api.post(admin, "/api/v1/causes", cause), 422, "validation_failed");
        assertThat(errorFields(r)).containsExactlyInAnyOrder("name", "unit.kk", "unit.en", "unitForms.en.few",
                "pointsPerUnit", "goalUnits");
        Api.Response wrongType = api.post(admin, "/api/v1/causes", Map.of("name", "x", "unit", "tree",
                "pointsPerUnit", 1));
        assertThat(wrongType.status()).as(wrongType.toString()).isIn(400, 422);
        assertThat(rows("cause")).isZero();
        assertThat(auditActions()).isEmpty();
    }

    @Test
    void aReplacementKeepsTheTotalsAndADeletionDeactivates() {
        String id = create(CauseTesting.plantATree());
        Map<String, Object> changed = new HashMap<>(CauseTesting.plantATree());
        changed.put("name", "Посади два дерева");
        changed.put("pointsPerUnit", 250);
        Api.Response r = api.put(admin, "/api/v1/causes/" + id, changed);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("name")).isEqualTo("Посади два дерева");
        assertThat(r.json().path("pointsPerUnit").asLong()).isEqualTo(250);

        assertThat(api.delete(admin, "/api/v1/causes/" + id).status()).isEqualTo(204);
        JsonNode after = api.get(admin, "/api/v1/causes/" + id).json();
        assertThat(after.path("active").asBoolean()).isFalse();
        assertThat(after.path("name").asString()).isEqualTo("Посади два дерева");
        assertThat(api.delete(admin, "/api/v1/causes/" + id).status()).isEqualTo(204);
        assertThat(auditActions()).containsExactly("cause.created", "cause.updated", "cause.deactivated",
                "cause.deactivated");

        Map<String, Object> bad = new HashMap<>(changed);
        bad.put("pointsPerUnit", null);
        assertProblem(api.put(admin, "/api/v1/causes/" + id, bad), 422, "validation_failed");
        assertThat(api.get(admin, "/api/v1/causes/" + id).json()).isEqualTo(after);
    }

    @Test
    void theListIsPagedAndAPosKeySeesTheActiveOnes() {
        String first = create(CauseTesting.plantATree());
        String second = create(CauseTesting.plantATree());
        String third = create(CauseTesting.plantATree());
        assertThat(api.delete(admin, "/api/v1/causes/" + second).status()).isEqualTo(204);

        Api.Response page1 = api.get(admin, "/api/v1/causes?limit=2");
        assertThat(page1.json().path("items").valueStream().map(c -> c.path("id").asString()))
                .containsExactly(first, second);
        String cursor = page1.text("nextCursor");
        Api.Response page2 = api.get(admin, "/api/v1/causes?limit=2&cursor=" + cursor);
        assertThat(page2.json().path("items").valueStream().map(c -> c.path("id").asString())).containsExactly(third);
        assertThat(page2.json().path("nextCursor").isNull()).isTrue();

        String pos = newKey(tenant, "pos");
        assertThat(api.get(pos, "/api/v1/causes").json().path("items").valueStream()
                .map(c -> c.path("id").asString())).containsExactly(first, third);
        assertThat(api.get(pos, "/api/v1/causes/" + second).status()).isEqualTo(200);
        assertProblem(api.get(admin, "/api/v1/causes?limit=0"), 422, "validation_failed");
        assertProblem(api.get(admin, "/api/v1/causes?cursor=nonsense"), 422, "validation_failed");
    }

    @Test
    void aPosKeyCannotCreateEditOrDeactivate() {
        String id = create(CauseTesting.plantATree());
        JsonNode before = api.get(admin, "/api/v1/causes/" + id).json();
        String pos = newKey(tenant, "pos");
        assertProblem(api.post(pos, "/api/v1/causes", CauseTesting.plantATree()), 403, "forbidden");
        assertProblem(api.put(pos, "/api/v1/causes/" + id, CauseTesting.plantATree()), 403, "forbidden");
        assertProblem(api.delete(pos, "/api/v1/causes/" + id), 403, "forbidden");
        assertThat(rows("cause")).isEqualTo(1);
        assertThat(api.get(admin, "/api/v1/causes/" + id).json()).isEqualTo(before);
    }

    @Test
    void anotherTenantsCauseIsNotFound() {
        String id = create(CauseTesting.plantATree());
        JsonNode before = api.get(admin, "/api/v1/causes/" + id).json();
        TestTenant other = newTenant();
        String otherPos = newKey(other, "pos");
        for (String key : List.of(other.adminKey(), otherPos)) {
            assertProblem(api.get(key, "/api/v1/causes/" + id), 404, "not_found");
            assertThat(api.get(key, "/api/v1/causes").body()).doesNotContain(id);
        }
        assertProblem(api.put(other.adminKey(), "/api/v1/causes/" + id, CauseTesting.plantATree()), 404, "not_found");
        assertProblem(api.delete(other.adminKey(), "/api/v1/causes/" + id), 404, "not_found");
        assertProblem(api.get(admin, "/api/v1/causes/not-a-uuid"), 404, "not_found");
        assertProblem(api.get(admin, "/api/v1/causes/" + UUID.randomUUID()), 404, "not_found");
        assertThat(api.get(admin, "/api/v1/causes/" + id).json()).isEqualTo(before);
    }

    @Test
    void writesAreIdempotent() {
        Api.Response first = api.post(admin, "/api/v1/causes", CauseTesting.plantATree(), "cause-1");
        Api.Response again = api.post(admin, "/api/v1/causes", CauseTesting.plantATree(), "cause-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        Map<String, Object> other = new HashMap<>(CauseTesting.plantATree());
        other.put("name", "Other");
        assertProblem(api.post(admin, "/api/v1/causes", other, "cause-1"), 409, "idempotency_conflict");
        assertThat(rows("cause")).isEqualTo(1);

        String id = first.text("id");
        Map<String, String> key = Map.of("Idempotency-Key", "put-1");
        Api.Response put1 = api.send("PUT", admin, "/api/v1/causes/" + id, other, key);
        Api.Response put2 = api.send("PUT", admin, "/api/v1/causes/" + id, other, key);
        assertThat(put2.json()).isEqualTo(put1.json());
        Map<String, String> del = Map.of("Idempotency-Key", "del-1");
        assertThat(api.send("DELETE", admin, "/api/v1/causes/" + id, null, del).status()).isEqualTo(204);
        assertThat(api.send("DELETE", admin, "/api/v1/causes/" + id, null, del).status()).isEqualTo(204);
        assertThat(auditActions()).containsExactly("cause.created", "cause.updated", "cause.deactivated");
    }
}
