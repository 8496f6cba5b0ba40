package io.kopilka.shared.idempotency;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Idempotency-Key on the writes that used to ignore it: purchases, returns, the member PATCH, the
 * rule PUT and the DELETEs replay their first answer and write once, and refuse the key reused for another
 * request. Creating an API key or a tenant cannot replay (the answer holds a secret kept nowhere),
 * so a request carrying the header is refused before anything is written.
 */
class WriteIdempotencyIT extends IntegrationTest {
    private TestTenant tenant;
    private String admin;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        admin = tenant.adminKey();
    }

    @Test
    void aReturnWithAKeyIsRecordedOnceAndReplayed() {
        api.post(admin, "/api/v1/stores", Map.of("code", "main"));
        api.post(admin, "/api/v1/rules", Map.of("name", "10% back", "kind", "points_percent", "percent", "10"));
        String member = newMember(tenant);
        String purchase = purchase("p1", member);
        String other = purchase("p2", member);
        String path = "/api/v1/purchases/" + purchase + "/returns";
        Map<String, Object> body = Map.of("externalId", "r1", "items", List.of(Map.of("sku", "A", "quantity", 1)));

        Api.Response first = api.post(admin, path, body, "ret-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(5));
        Api.Response replay = api.post(admin, path, body, "ret-1");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());

        // The same key for another return of this purchase, or for the same return of another one.
        Map<String, Object> another = Map.of("externalId", "r2", "items", List.of(Map.of("sku", "A", "quantity", 1)));
        assertProblem(api.post(admin, path, another, "ret-1"), 409, "idempotency_conflict");
        assertProblem(api.post(admin, "/api/v1/purchases/" + other + "/returns", body, "ret-1"), 409,
                "idempotency_conflict");
        // A new key for a return already made by its externalId is a replay too.
        Api.Response byExternalId = api.post(admin, path, body, "ret-2");
        assertThat(byExternalId.status()).as(byExternalId.toString()).isEqualTo(200);
        assertThat(byExternalId.json()).isEqualTo(first.json());

        assertThat(count("purchase_return")).as("one return written").isEqualTo(1);
        assertThat(count("ledger_entry WHERE type = 'reverse'")).isEqualTo(1);
        assertThat(balance(member)).as("20 + 20 earned, 10 taken back once").isEqualTo(30);
    }

    @Test
    void aPurchaseWithAKeyIsRecordedOnceAndReplayed() {
        api.post(admin, "/api/v1/stores", Map.of("code", "main"));
        String member = newMember(tenant);
        Map<String, Object> body = order("p1", member);

        Api.Response first = api.post(admin, "/api/v1/purchases", body, "buy-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response replay = api.post(admin, "/api/v1/purchases", body, "buy-1");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());

        assertProblem(api.post(admin, "/api/v1/purchases", order("p2", member), "buy-1"), 409,
                "idempotency_conflict");
        Api.Response byExternalId = api.post(admin, "/api/v1/purchases", body, "buy-2");
        assertThat(byExternalId.status()).as(byExternalId.toString()).isEqualTo(200);
        assertThat(byExternalId.json()).isEqualTo(first.json());
        assertThat(count("purchase")).as("one purchase written").isEqualTo(1);
    }

    @Test
    void aMemberPatchWithAKeyIsAppliedOnceAndReplayed() {
        String member = newMember(tenant);
        String path = "/api/v1/members/" + member;
        Map<String, Object> body = Map.of("name", "Aigerim", "attributes", Map.of("kids", 2));

        Api.Response first = send("PATCH", path, body, "patch-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.text("name")).isEqualTo("Aigerim");
        // Changed since by someone else: a retry of the first PATCH must not undo that.
        assertThat(api.patch(admin, path, Map.of("name", "Aliya", "attributes", Map.of("kids", 3))).status())
                .isEqualTo(200);

        Api.Response replay = send("PATCH", path, body, "patch-1");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());
        JsonNode now = api.get(admin, path).json();
        assertThat(now.path("name").asString()).as("the replay wrote nothing").isEqualTo("Aliya");
        assertThat(now.path("attributes").path("kids").asInt()).isEqualTo(3);

        assertProblem(send("PATCH", path, Map.of("name", "Someone else"), "patch-1"), 409, "idempotency_conflict");
        assertThat(api.get(admin, path).text("name")).isEqualTo("Aliya");
    }

    @Test
    void anErasedMembersPatchIsReplayedWithoutTheirData() {
        String member = newMember(tenant);
        String path = "/api/v1/members/" + member;
        Map<String, Object> body = Map.of("name", "Aigerim", "email", "a@b.kz");
        assertThat(send("PATCH", path, body, "patch-1").status()).isEqualTo(200);
        assertThat(api.delete(admin, path).status()).isEqualTo(204);

        Api.Response replay = send("PATCH", path, body, "patch-1");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.text("id")).isEqualTo(member);
        assertThat(replay.body()).doesNotContain("Aigerim").doesNotContain("a@b.kz");
    }

    @Test
    void aRulePutWithAKeyIsAppliedOnceAndReplayed() {
        String rule = api.post(admin, "/api/v1/rules", Map.of("name", "5% back", "kind", "points_percent",
                "percent", "5")).text("id");
        String path = "/api/v1/rules/" + rule;
        Map<String, Object> body = Map.of("name", "7% back", "kind", "points_percent", "percent", "7");

        Api.Response first = send("PUT", path, body, "put-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(api.put(admin, path, Map.of("name", "9% back", "kind", "points_percent", "percent", "9"))
                .status()).isEqualTo(200);
        long revisions = count("rule_revision");

        Api.Response replay = send("PUT", path, body, "put-1");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(api.get(admin, path).text("name")).as("the replay wrote nothing").isEqualTo("9% back");
        assertThat(count("rule_revision")).isEqualTo(revisions);
        assertProblem(send("PUT", path, Map.of("name", "1% back", "kind", "points_percent", "percent", "1"),
                "put-1"), 409, "idempotency_conflict");
    }

    @Test
    void aRuleDeleteWithAKeyAnswersTheSameWhenRetried() {
        String rule = rule("5% back");
        String kept = rule("3% back");
        assertThat(send("DELETE", "/api/v1/rules/" + rule, null, "del-1").status()).isEqualTo(204);
        long revisions = count("rule_revision");

        Api.Response retry = send("DELETE", "/api/v1/rules/" + rule, null, "del-1");
        assertThat(retry.status()).as("a retry gets the first answer, not 404: " + retry).isEqualTo(204);
        assertThat(count("rule_revision")).as("deleted once").isEqualTo(revisions);
        assertProblem(api.delete(admin, "/api/v1/rules/" + rule), 404, "not_found");

        assertProblem(send("DELETE", "/api/v1/rules/" + kept, null, "del-1"), 409, "idempotency_conflict");
        assertThat(api.get(admin, "/api/v1/rules/" + kept).status()).as("the other rule stays").isEqualTo(200);
    }

    @Test
    void aKeyRevocationWithAKeyAnswersTheSameWhenRetried() {
        Api.Response till = api.post(admin, "/api/v1/api-keys", Map.of("name", "till 1", "role", "pos"));
        Api.Response other = api.post(admin, "/api/v1/api-keys", Map.of("name", "till 2", "role", "pos"));
        assertThat(send("DELETE", "/api/v1/api-keys/" + till.text("id"), null, "rev-1").status()).isEqualTo(204);
        clock.advance(Duration.ofHours(1));
        assertThat(send("DELETE", "/api/v1/api-keys/" + till.text("id"), null, "rev-1").status()).isEqualTo(204);
        assertThat(revokedAt(till.text("id"))).as("revoked once, at the first call").isEqualTo("2026-11-22T09:00:00Z");

        assertProblem(send("DELETE", "/api/v1/api-keys/" + other.text("id"), null, "rev-1"), 409,
                "idempotency_conflict");
        assertThat(revokedAt(other.text("id"))).isNull();
        assertThat(api.get(other.text("key"), "/api/v1/stores").status()).as("the other key still works")
                .isEqualTo(200);
    }

    @Test
    void anEraseWithAKeyAnswersTheSameWhenRetried() {
        String erased = newMember(tenant);
        String kept = newMember(tenant);
        assertThat(send("DELETE", "/api/v1/members/" + erased, null, "erase-1").status()).isEqualTo(204);
        assertThat(send("DELETE", "/api/v1/members/" + erased, null, "erase-1").status()).isEqualTo(204);
        assertThat(api.get(admin, "/api/v1/members/" + erased).json().path("erased").asBoolean()).isTrue();

        assertProblem(send("DELETE", "/api/v1/members/" + kept, null, "erase-1"), 409, "idempotency_conflict");
        JsonNode still = api.get(admin, "/api/v1/members/" + kept).json();
        assertThat(still.path("erased").asBoolean()).as("the other member is not erased").isFalse();
        assertThat(still.path("phone").asString()).isNotBlank();
    }

    @Test
    void creatingAnApiKeyRefusesAnIdempotencyKeyAndWritesNothing() {
        long keys = count("api_key");
        Api.Response refused = api.post(admin, "/api/v1/api-keys", Map.of("name", "till 1", "role", "pos"), "key-1");
        assertProblem(refused, 400, "idempotency_key_not_supported");
        assertThat(refused.text("detail")).contains("Idempotency-Key").contains("secret");
        assertThat(refused.body()).doesNotContain("kp_");
        assertThat(count("api_key")).isEqualTo(keys);
        assertThat(api.post(admin, "/api/v1/api-keys", Map.of("name", "till 1", "role", "pos")).status())
                .as("without the header it works").isEqualTo(201);
    }

    @Test
    void creatingATenantRefusesAnIdempotencyKeyAndWritesNothing() {
        String name = "T-" + UUID.randomUUID();
        Api.Response refused = api.post(PLATFORM_KEY, "/api/v1/tenants", Map.of("name", name, "currency", "KZT",
                "timezone", "Asia/Almaty", "locale", "ru"), "tenant-1");
        assertProblem(refused, 400, "idempotency_key_not_supported");
        assertThat(refused.text("detail")).contains("Idempotency-Key").contains("secret");
        assertThat(refused.body()).doesNotContain("kp_");
        assertThat(jdbc.sql("SELECT count(*) FROM tenant WHERE name = :name").param("name", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void theOpenApiDocumentSaysWhichCreationsRefuseTheKey() {
        JsonNode paths = api.get(null, "/v3/api-docs").json().path("paths");
        for (String path : List.of("/api/v1/api-keys", "/api/v1/tenants")) {
            JsonNode post = paths.path(path).path("post");
            assertThat(post.path("responses").has("400")).as(path).isTrue();
            assertThat(post.path("responses").path("201").path("content").toString()).as("still described: " + post)
                    .contains("schema");
            assertThat(post.path("description").asString()).as(path).contains("Idempotency-Key");
            assertThat(post.path("parameters").toString()).as(path).contains("Idempotency-Key");
        }
        assertThat(paths.path("/api/v1/purchases/{id}/returns").path("post").path("parameters").toString())
                .contains("Idempotency-Key");
        assertThat(paths.path("/api/v1/purchases").path("post").path("parameters").toString())
                .contains("Idempotency-Key");
        assertThat(paths.path("/api/v1/members/{id}").path("patch").path("parameters").toString())
                .contains("Idempotency-Key");
        assertThat(paths.path("/api/v1/rules/{id}").path("delete").path("parameters").toString())
                .contains("Idempotency-Key");
    }

    private Api.Response send(String method, String path, Object body, String key) {
        return api.send(method, admin, path, body, Map.of("Idempotency-Key", key));
    }

    private String purchase(String externalId, String member) {
        Api.Response r = api.post(admin, "/api/v1/purchases", order(externalId, member));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    /** Two units at 100 at store main for the member. */
    private static Map<String, Object> order(String externalId, String member) {
        return Map.of("externalId", externalId, "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "A", "quantity", 2, "unitPrice", "100")));
    }

    private String rule(String name) {
        Api.Response r = api.post(admin, "/api/v1/rules", Map.of("name", name, "kind", "points_percent", "percent", "5"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    private long balance(String member) {
        return api.get(admin, "/api/v1/members/" + member + "/balance").json().path("available").asLong();
    }

    private String revokedAt(String keyId) {
        return jdbc.sql("SELECT to_char(revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM api_key "
                        + "WHERE tenant_id = :t AND id = :id")
                .param("t", UUID.fromString(tenant.id())).param("id", UUID.fromString(keyId))
                .query((rs, i) -> rs.getString(1)).list().getFirst();
    }

    /** Rows of {@code table} (optionally with a condition) in this test's tenant. */
    private long count(String tableAndCondition) {
        String sql = "SELECT count(*) FROM " + tableAndCondition
                + (tableAndCondition.contains(" WHERE ") ? " AND " : " WHERE ") + "tenant_id = :t";
        return jdbc.sql(sql).param("t", UUID.fromString(tenant.id())).query(Long.class).single();
    }
}
