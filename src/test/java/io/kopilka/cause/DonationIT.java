package io.kopilka.cause;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static io.kopilka.testing.ProblemAssert.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/members/{id}/donations: points through the ledger, the cause's totals, every refusal. */
class DonationIT extends IntegrationTest {
    private TestTenant tenant;
    private String admin;
    private String cause;

    @BeforeEach
    void causeAndMember() {
        tenant = newTenant();
        admin = tenant.adminKey();
        Api.Response c = api.post(admin, "/api/v1/causes", CauseTesting.plantATree());
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        cause = c.text("id");
    }

    private String memberWith(long points) {
        String member = newMember(tenant);
        if (points > 0) {
            Api.Response r = api.post(admin, "/api/v1/members/" + member + "/adjustments",
                    Map.of("points", points, "reason", "seed"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        return member;
    }

    private Api.Response donate(String key, String member, Object causeId, Object points) {
        Map<String, Object> body = new HashMap<>();
        body.put("causeId", causeId);
        body.put("points", points);
        return api.post(key, "/api/v1/members/" + member + "/donations", body);
    }

    private long available(String member) {
        return api.get(admin, "/api/v1/members/" + member + "/balance").json().path("available").asLong();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("t", UUID.fromString(tenant.id())).query(Long.class).single();
    }

    private long contributions() {
        return count("SELECT count(*) FROM cause_contribution WHERE tenant_id = :t");
    }

    private long donateEntries() {
        return count("SELECT count(*) FROM ledger_entry WHERE tenant_id = :t AND type = 'donate'");
    }

    @Test
    void aDonationSpendsThePointsAndRaisesTheTotals() {
        String member = memberWith(2000);
        Api.Response r = donate(admin, member, cause, 500);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("donationId")).isNotBlank();
        assertThat(r.text("causeId")).isEqualTo(cause);
        assertThat(r.json().path("points").asLong()).isEqualTo(500);
        assertThat(r.json().path("units").asLong()).isEqualTo(1);
        assertThat(r.json().path("balance").path("available").asLong()).isEqualTo(1500);
        JsonNode c = r.json().path("cause");
        assertThat(c.path("totalPoints").asLong()).isEqualTo(500);
        assertThat(c.path("units").asLong()).isEqualTo(1);
        assertThat(c.path("donors").asLong()).isEqualTo(1);
        assertThat(c.path("progress").asString()).isEqualTo("0.00");
        assertThat(c.path("together").path("ru").asString()).isEqualTo("Вместе мы посадили 1 дерево");
        assertThat(available(member)).isEqualTo(1500);

        // 300 and then 300 more: the second completes the second tree; the same member is one donor.
        assertThat(donate(admin, member, cause, 300).json().path("units").asLong()).isZero();
        Api.Response third = donate(admin, member, cause, 300);
        assertThat(third.json().path("units").asLong()).isEqualTo(1);
        assertThat(third.json().path("cause").path("donors").asLong()).isEqualTo(1);
        assertThat(third.json().path("cause").path("totalPoints").asLong()).isEqualTo(1100);
        String pos = newKey(tenant, "pos");
        Api.Response other = donate(pos, memberWith(1000), cause, 1000);
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        JsonNode after = api.get(admin, "/api/v1/causes/" + cause).json();
        assertThat(after.path("totalPoints").asLong()).isEqualTo(2100);
        assertThat(after.path("units").asLong()).isEqualTo(4);
        assertThat(after.path("donors").asLong()).isEqualTo(2);
        assertThat(after.path("together").path("en").asString()).isEqualTo("Together we planted 4 trees");
        assertThat(after.path("together").path("kk").asString()).isEqualTo("Бірге 4 ағаш отырғыздық");
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void theHistorySaysWhereThePointsWentInTheReadersLanguage() {
        String member = memberWith(1000);
        assertThat(donate(admin, member, cause, 500).status()).isEqualTo(201);
        Map<String, String> notes = Map.of("ru", "Пожертвование: «Посади дерево» — 500 баллов",
                "kk", "Қайырымдылық: «Ағаш ек» — 500 ұпай", "en", "Donation: “Plant a tree” — 500 points");
        notes.forEach((language, note) -> {
            JsonNode entry = api.get(admin, "/api/v1/members/" + member + "/history?lang=" + language).json()
                    .path("items").get(0);
            assertThat(entry.path("type").asString()).isEqualTo("donate");
            assertThat(entry.path("points").asLong()).isEqualTo(-500);
            assertThat(entry.path("note").asString()).isEqualTo(note);
        });
    }

    @Test
    void everyRefusalWritesNothing() {
        String member = memberWith(400);
        assertThat(errorFields(assertProblem(donate(admin, member, null, 0), 422, "validation_failed")))
                .containsExactlyInAnyOrder("causeId", "points");
        assertProblem(donate(admin, member, cause, -5), 422, "validation_failed");
        assertProblem(donate(admin, member, cause, 1_000_000_001L), 422, "validation_failed");
        assertProblem(donate(admin, member, cause, 401), 409, "insufficient_points");
        assertProblem(donate(admin, member, UUID.randomUUID().toString(), 100), 404, "not_found");
        assertProblem(donate(admin, member, "not-a-uuid", 100), 404, "not_found");
        assertProblem(donate(admin, UUID.randomUUID().toString(), cause, 100), 404, "not_found");

        TestTenant other = newTenant();
        String theirCause = api.post(other.adminKey(), "/api/v1/causes", CauseTesting.plantATree()).text("id");
        assertProblem(donate(admin, member, theirCause, 100), 404, "not_found");
        assertProblem(donate(other.adminKey(), member, theirCause, 100), 404, "not_found");

        String closed = api.post(admin, "/api/v1/causes", CauseTesting.plantATree()).text("id");
        assertThat(api.delete(admin, "/api/v1/causes/" + closed).status()).isEqualTo(204);
        assertProblem(donate(admin, member, closed, 100), 422, "cause_not_active");

        String erased = memberWith(400);
        assertThat(api.delete(admin, "/api/v1/members/" + erased).status()).isEqualTo(204);
        assertProblem(donate(admin, erased, cause, 100), 409, "member_erased");

        assertThat(available(member)).isEqualTo(400);
        assertThat(contributions()).isZero();
        assertThat(donateEntries()).isZero();
        assertThat(count("SELECT count(*) FROM audit_entry WHERE tenant_id = :t AND action = 'points.donated'"))
                .isZero();
        assertThat(api.get(admin, "/api/v1/causes/" + cause).json().path("totalPoints").asLong()).isZero();
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void aRetryWithTheSameKeyGivesOnce() {
        String member = memberWith(1000);
        Map<String, Object> body = Map.of("causeId", cause, "points", 300);
        Api.Response first = api.post(admin, "/api/v1/members/" + member + "/donations", body, "give-1");
        Api.Response again = api.post(admin, "/api/v1/members/" + member + "/donations", body, "give-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertProblem(api.post(admin, "/api/v1/members/" + member + "/donations",
                Map.of("causeId", cause, "points", 301), "give-1"), 409, "idempotency_conflict");
        assertThat(available(member)).isEqualTo(700);
        assertThat(contributions()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE tenant_id = :t AND action = 'points.donated'"))
                .isEqualTo(1);
    }

    @Test
    void concurrentDonationsAddUpExactly() throws Exception {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(memberWith(1000));
        }
        int threads = 16;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Long> given = new ConcurrentHashMap<>();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    String member = members.get(ThreadLocalRandom.current().nextInt(members.size()));
                    long points = 50 + ThreadLocalRandom.current().nextInt(100);
                    Api.Response r = donate(admin, member, cause, points);
                    statuses.add(r.status());
                    if (r.status() == 201) {
                        given.merge(member, points, Long::sum);
                    } else {
                        assertThat(r.code()).as(r.toString()).isEqualTo("insufficient_points");
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        long total = given.values().stream().mapToLong(Long::longValue).sum();
        JsonNode after = api.get(admin, "/api/v1/causes/" + cause).json();
        assertThat(after.path("totalPoints").asLong()).isEqualTo(total);
        assertThat(after.path("units").asLong()).isEqualTo(total / 500);
        assertThat(after.path("donors").asLong()).isEqualTo(given.size());
        for (String member : members) {
            assertThat(available(member)).as(member).isEqualTo(1000 - given.getOrDefault(member, 0L));
        }
        assertThat(count("SELECT coalesce(sum(points), 0) FROM cause_contribution WHERE tenant_id = :t"))
                .isEqualTo(total);
        assertThat(count("SELECT -coalesce(sum(points), 0) FROM ledger_entry WHERE tenant_id = :t AND type = 'donate'"))
                .isEqualTo(total);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }
}
