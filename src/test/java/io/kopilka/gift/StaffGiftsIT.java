package io.kopilka.gift;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Staff gifts of points: who may give how much, what the member reads, what the audit keeps, and
 * that a refused gift writes nothing. The daily limit under concurrency is {@link GiftLimitRaceIT}'s.
 */
class StaffGiftsIT extends IntegrationTest {
    private TestTenant t;
    private String admin;
    private String member;
    private Key pos;

    record Key(String id, String text) {
    }

    /** What a gift writes, to prove a refused one wrote none of it. */
    record Written(long entries, long audit, long given, long idempotencyKeys) {
    }

    @BeforeEach
    void tenant() {
        t = newTenant();
        admin = t.adminKey();
        assertThat(api.put(admin, "/api/v1/program", Map.of("expiry", Map.of("mode", "after_earn", "months", 6),
                "staffGifts", Map.of("pointsPerKeyPerDay", 500))).status()).isEqualTo(200);
        member = newMember(t);
        pos = key("pos");
    }

    private Key key(String role) {
        Api.Response r = api.post(admin, "/api/v1/api-keys", Map.of("name", "till " + UUID.randomUUID(), "role", role));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Key(r.text("id"), r.text("key"));
    }

    private Api.Response gift(String key, String memberId, Object body) {
        return api.post(key, "/api/v1/members/" + memberId + "/gifts", body);
    }

    private Api.Response gift(String key, long points) {
        return gift(key, member, Map.of("points", points, "reason", "долгое ожидание"));
    }

    private long available() {
        return api.get(admin, "/api/v1/members/" + member + "/balance").json().path("available").asLong();
    }

    private Written written() {
        UUID tenant = UUID.fromString(t.id());
        return new Written(count("SELECT count(*) FROM ledger_entry WHERE tenant_id = :t", tenant),
                count("SELECT count(*) FROM audit_entry WHERE tenant_id = :t", tenant),
                count("SELECT COALESCE(SUM(given), 0) FROM gift_key_day WHERE tenant_id = :t", tenant),
                count("SELECT count(*) FROM idempotency_key WHERE tenant_id = :t", tenant));
    }

    private long count(String sql, UUID tenant) {
        return jdbc.sql(sql).param("t", tenant).query(Long.class).single();
    }

    @Test
    void anAdminGivesPointsWithAReasonAndTheMemberReadsWhyInTheirLanguage() {
        Api.Response r = gift(admin, member, Map.of("points", 200, "reason", "долгое ожидание",
                "note", "ждал у окна 40 минут"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("memberId")).isEqualTo(member);
        assertThat(r.text("reason")).isEqualTo("долгое ожидание");
        assertThat(r.text("note")).isEqualTo("ждал у окна 40 минут");
        assertThat(r.json().path("entry").path("type").asString()).isEqualTo("gift");
        assertThat(r.json().path("entry").path("points").asLong()).isEqualTo(200);
        assertThat(r.json().path("entry").path("expiresAt").asString()).as("the program's expiry")
                .startsWith("2027-05-22T");
        assertThat(r.json().path("coupon").isNull()).isTrue();
        assertThat(r.json().path("balance").path("available").asLong()).isEqualTo(200);
        assertThat(available()).isEqualTo(200);

        JsonNode entry = api.get(admin, "/api/v1/members/" + member + "/history").json().path("items").get(0);
        assertThat(entry.path("type").asString()).isEqualTo("gift");
        assertThat(entry.path("points").asLong()).isEqualTo(200);
        assertThat(entry.path("reason").asString()).isEqualTo("долгое ожидание");
        assertThat(entry.path("note").asString()).isEqualTo("Подарок от администратора: долгое ожидание");
        assertThat(api.get(admin, "/api/v1/members/" + member + "/history?lang=kk").json().path("items").get(0)
                .path("note").asString()).isEqualTo("Әкімшіден сыйлық: долгое ожидание");
        assertThat(api.get(admin, "/api/v1/members/" + member + "/history?lang=en").json().path("items").get(0)
                .path("note").asString()).isEqualTo("A gift from the program's team: долгое ожидание");

        Map<String, Object> audit = jdbc.sql("""
                SELECT action, object_type, object_id, actor_type, reason, after::text AS after FROM audit_entry
                WHERE tenant_id = :t AND action = 'points.gifted'""").param("t", UUID.fromString(t.id())).query().singleRow();
        assertThat(audit).containsEntry("action", "points.gifted").containsEntry("object_type", "points")
                .containsEntry("object_id", member).containsEntry("actor_type", "api_key")
                .containsEntry("reason", "долгое ожидание");
        assertThat((String) audit.get("after")).contains("\"points\": 200");
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void aPosKeyGivesWithinItsDailyLimitInTheTenantsTimeZoneAndAnAdminHasNone() {
        assertThat(gift(pos.text(), 300).status()).isEqualTo(201);
        assertThat(gift(pos.text(), 200).status()).isEqualTo(201);
        Written before = written();
        Api.Response over = assertProblem(gift(pos.text(), 1), 403, "gift_limit_exceeded");
        assertThat(over.json().path("remaining").asLong()).isZero();
        assertThat(written()).isEqualTo(before);

        Key other = key("pos");
        assertThat(gift(other.text(), 450).status()).as("each key has its own limit").isEqualTo(201);
        assertThat(assertProblem(gift(other.text(), 51), 403, "gift_limit_exceeded").json().path("remaining")
                .asLong()).isEqualTo(50);
        assertThat(gift(admin, 100_000).status()).as("admin keys have no limit").isEqualTo(201);
        assertThat(gift(key("admin").text(), 100_000).status()).isEqualTo(201);

        // 09:00Z is 14:00 in Almaty; 19:30Z is 00:30 of the next day there, while still the same day in UTC.
        clock.set(START.plus(Duration.ofMinutes(630)));
        assertThat(gift(pos.text(), 500).status()).as("a new day in the tenant's zone").isEqualTo(201);
        assertProblem(gift(pos.text(), 1), 403, "gift_limit_exceeded");
        assertThat(available()).isEqualTo(300 + 200 + 450 + 100_000 + 100_000 + 500);
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void posAdjustmentsShareTheLimitAndMayNotTakePoints() {
        String adjustments = "/api/v1/members/" + member + "/adjustments";
        Api.Response given = api.post(pos.text(), adjustments, Map.of("points", 300, "reason", "compensation",
                "note", "long wait"));
        assertThat(given.status()).as(given.toString()).isEqualTo(201);
        assertThat(given.json().path("points").asLong()).isEqualTo(300);
        assertThat(given.text("reason")).isEqualTo("compensation");
        assertThat(given.json().path("balance").path("available").asLong()).isEqualTo(300);

        Written before = written();
        assertThat(assertProblem(gift(pos.text(), 250), 403, "gift_limit_exceeded").json().path("remaining")
                .asLong()).isEqualTo(200);
        assertProblem(api.post(pos.text(), adjustments, Map.of("points", -10, "reason", "fine")), 403, "forbidden");
        assertProblem(api.post(pos.text(), adjustments, Map.of("points", 201, "reason", "more")), 403,
                "gift_limit_exceeded");
        assertThat(written()).isEqualTo(before);
        assertThat(api.post(pos.text(), adjustments, Map.of("points", 200, "reason", "more")).status()).isEqualTo(201);
        assertThat(api.post(admin, adjustments, Map.of("points", -100, "reason", "fine")).status()).isEqualTo(201);

        List<Map<String, Object>> audit = jdbc.sql("""
                SELECT action, actor_id, reason FROM audit_entry WHERE tenant_id = :t AND action = 'points.adjusted'
                ORDER BY at, id""").param("t", UUID.fromString(t.id())).query().listOfRows();
        assertThat(audit).extracting(a -> a.get("reason")).contains("compensation", "more");
        assertThat(audit).filteredOn(a -> pos.id().equals(a.get("actor_id"))).hasSize(2);
        assertThat(available()).isEqualTo(400);
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void withoutALimitAPosKeyMayGiveNothing() {
        assertThat(api.put(admin, "/api/v1/program", Map.of()).status()).isEqualTo(200);
        Written before = written();
        assertThat(assertProblem(gift(pos.text(), 1), 403, "gift_limit_exceeded").json().path("remaining").asLong())
                .isZero();
        assertProblem(api.post(pos.text(), "/api/v1/members/" + member + "/adjustments",
                Map.of("points", 1, "reason", "x")), 403, "gift_limit_exceeded");
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void aRetryIsAnsweredAgainAndCountsOnce() {
        Map<String, Object> body = Map.of("points", 300, "reason", "долгое ожидание");
        Api.Response first = api.post(pos.text(), "/api/v1/members/" + member + "/gifts", body, "g-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Api.Response again = api.post(pos.text(), "/api/v1/members/" + member + "/gifts", body, "g-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertProblem(api.post(pos.text(), "/api/v1/members/" + member + "/gifts",
                Map.of("points", 301, "reason", "долгое ожидание"), "g-1"), 409, "idempotency_conflict");
        assertThat(gift(pos.text(), 200).status()).as("the retry did not count against the limit").isEqualTo(201);
        assertThat(available()).isEqualTo(500);
        JsonNode audited = api.get(admin, "/api/v1/audit?action=points.gifted&actorId=" + pos.id()).json()
                .path("items");
        assertThat(audited.size()).as("one entry a gift, none for the retry").isEqualTo(2);
        assertThat(audited.get(1).path("objectType").asString()).isEqualTo("points");
        assertThat(audited.get(1).path("objectId").asString()).isEqualTo(member);
        assertThat(audited.get(1).path("reason").asString()).isEqualTo("долгое ожидание");
        assertThat(audited.get(1).path("after").path("points").asLong()).isEqualTo(300);
    }

    @Test
    void aBadGiftIsRefusedByFieldAndWritesNothing() {
        assertThat(gift(admin, 10).status()).isEqualTo(201);
        Written before = written();
        for (String key : List.of(admin, pos.text())) {
            assertInvalid(gift(key, member, Map.of("points", 10)), "reason");
            assertInvalid(gift(key, member, Map.of("points", 10, "reason", " ")), "reason");
            assertInvalid(gift(key, member, Map.of("points", 10, "reason", "x".repeat(201))), "reason");
            assertInvalid(gift(key, member, Map.of("points", 0, "reason", "x")), "points");
            assertInvalid(gift(key, member, Map.of("points", -5, "reason", "x")), "points");
            assertInvalid(gift(key, member, Map.of("points", 1_000_000_001L, "reason", "x")), "points");
            assertInvalid(gift(key, member, Map.of("reason", "x")), "points");
            assertInvalid(gift(key, member, Map.of("points", 10, "rewardId", "r", "reason", "x")), "rewardId");
            assertInvalid(gift(key, member, Map.of("points", 10, "reason", "x", "note", "n".repeat(1001))), "note");
            assertThat(api.post(key, "/api/v1/members/" + member + "/gifts", "{\"points\": \"ten\", \"reason\": \"x\"}")
                    .status()).isEqualTo(400);
        }
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void anotherTenantsMemberIsNotFoundAndKeepsItsPoints() {
        TestTenant b = newTenant();
        api.put(b.adminKey(), "/api/v1/program", Map.of("staffGifts", Map.of("pointsPerKeyPerDay", 500)));
        String bPos = newKey(b, "pos");
        Written before = written();
        for (String key : List.of(b.adminKey(), bPos)) {
            assertProblem(gift(key, member, Map.of("points", 10, "reason", "x")), 404, "not_found");
            assertProblem(gift(key, member, Map.of("rewardId", UUID.randomUUID().toString(), "reason", "x")), 404,
                    "not_found");
            assertProblem(api.post(key, "/api/v1/members/" + member + "/adjustments",
                    Map.of("points", 10, "reason", "x")), 404, "not_found");
        }
        assertProblem(gift(admin, UUID.randomUUID().toString(), Map.of("points", 10, "reason", "x")), 404, "not_found");
        assertProblem(gift(admin, "nope", Map.of("points", 10, "reason", "x")), 404, "not_found");
        assertThat(written()).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM gift_key_day WHERE tenant_id = :t", UUID.fromString(b.id()))).isZero();
    }

    @Test
    void anErasedMemberIsGivenNothing() {
        assertThat(api.delete(admin, "/api/v1/members/" + member).status()).isEqualTo(204);
        Written before = written();
        assertProblem(gift(admin, 10), 409, "member_erased");
        assertProblem(gift(pos.text(), 10), 409, "member_erased");
        assertThat(written()).as("the refused gift did not count against the limit either").isEqualTo(before);
    }

    @Test
    void aPosKeyMayGiveCouponsOnlyOfTheRewardsTheProgramLists() {
        String listed = UUID.randomUUID().toString();
        assertThat(api.put(admin, "/api/v1/program", Map.of("staffGifts", Map.of("pointsPerKeyPerDay", 500,
                "rewardIds", List.of(listed)))).status()).isEqualTo(200);
        Written before = written();
        assertProblem(gift(pos.text(), member, Map.of("rewardId", UUID.randomUUID().toString(), "reason", "x")), 403,
                "gift_not_allowed");
        assertInvalid(gift(pos.text(), member, Map.of("rewardId", listed)), "reason");
        assertThat(written()).isEqualTo(before);
    }
}
