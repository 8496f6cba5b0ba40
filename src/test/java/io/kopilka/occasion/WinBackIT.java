package io.kopilka.occasion;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Win-back once per period, with and without cadence; the at-risk list; running a tenant's jobs now. */
class WinBackIT extends IntegrationTest {

    private TestTenant tenant(Map<String, Object> winBack) {
        TestTenant t = newTenant();
        Map<String, Object> program = new java.util.HashMap<>(Map.of("winBack", winBack));
        program.put("expiry", Map.of("mode", "after_earn", "months", 1));
        Api.Response r = api.put(t.adminKey(), "/api/v1/program", program);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Main")).status())
                .isEqualTo(201);
        assertThat(api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent",
                "percent", "5")).status()).isEqualTo(201);
        return t;
    }

    private String buy(TestTenant t, String member) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/purchases", Map.of("externalId", UUID.randomUUID().toString(),
                "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "1000"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    private void days(long n) {
        clock.advance(Duration.ofDays(n));
    }

    private JsonNode run(TestTenant t, String job) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/jobs/" + job + "/run", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private long winBackPoints(TestTenant t, String member) {
        return jdbc.sql("""
                SELECT coalesce(sum(points), 0) FROM ledger_entry
                WHERE tenant_id = :t AND member_id = :m AND type = 'win_back'""")
                .param("t", UUID.fromString(t.id())).param("m", UUID.fromString(member)).query(Long.class).single();
    }

    private List<String> atRisk(TestTenant t) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : api.get(t.adminKey(), "/api/v1/engagement/at-risk").json().path("items")) {
            ids.add(item.path("memberId").asString());
        }
        return ids;
    }

    @Test
    void aGoneMemberIsCalledBackOncePerPeriod() {
        TestTenant t = tenant(Map.of("afterDays", 60, "points", 200, "oncePerDays", 180));
        String gone = newMember(t);
        String never = newMember(t);
        buy(t, gone);
        days(59);
        assertThat(run(t, "win_back").path("given").path("members").asLong()).isZero();
        days(2);
        JsonNode first = run(t, "win_back");
        assertThat(first.path("processed").asLong()).isEqualTo(1);
        assertThat(first.path("given").path("points").asLong()).isEqualTo(200);
        assertThat(run(t, "win_back").path("given").path("members").asLong()).isZero();
        assertThat(winBackPoints(t, gone)).isEqualTo(200);
        assertThat(winBackPoints(t, never)).as("never came: not gone").isZero();
        JsonNode entry = api.get(t.adminKey(), "/api/v1/members/" + gone + "/history").json().path("items").get(0);
        assertThat(entry.path("note").asString()).startsWith("Мы по вам соскучились! Подарок от «T-");

        days(179);
        run(t, "win_back");
        assertThat(winBackPoints(t, gone)).isEqualTo(200);
        days(1);
        run(t, "win_back");
        assertThat(winBackPoints(t, gone)).as("oncePerDays later, still gone").isEqualTo(400);
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void aCadenceCallsARegularBackSoonerAndARareCustomerLater() {
        Map<String, Object> settings = Map.of("afterDays", 60, "points", 100, "cadence", "2.0");
        TestTenant regular = tenant(settings);
        TestTenant rare = tenant(settings);
        String monthly = newMember(regular);
        String twiceAYear = newMember(rare);
        for (int i = 0; i < 4; i++) {
            buy(regular, monthly);
            days(30);
        }
        // Four visits 30 days apart, the last 30 days ago: gone after 60.
        assertThat(atRisk(regular)).isEmpty();
        days(29);
        run(regular, "win_back");
        assertThat(winBackPoints(regular, monthly)).isZero();
        days(2);
        assertThat(atRisk(regular)).containsExactly(monthly);
        run(regular, "win_back");
        assertThat(winBackPoints(regular, monthly)).isEqualTo(100);

        buy(rare, twiceAYear);
        days(180);
        buy(rare, twiceAYear);
        days(180);
        buy(rare, twiceAYear);
        days(100);
        // afterDays alone would call them back now; their interval is 180 days, so not before 360.
        assertThat(atRisk(rare)).isEmpty();
        run(rare, "win_back");
        assertThat(winBackPoints(rare, twiceAYear)).isZero();
        days(261);
        assertThat(atRisk(rare)).containsExactly(twiceAYear);
        run(rare, "win_back");
        assertThat(winBackPoints(rare, twiceAYear)).isEqualTo(100);
    }

    @Test
    void theAtRiskListShowsTheLongestAbsentFirstInPages() {
        TestTenant t = tenant(Map.of("afterDays", 60));
        TestTenant other = tenant(Map.of("afterDays", 60));
        String m0 = newMember(t, Map.of("phone", randomPhone(), "name", "Айгерим")).text("id");
        String m10 = newMember(t);
        String m20 = newMember(t);
        String erased = newMember(t);
        String recent = newMember(t);
        String elsewhere = newMember(other);
        buy(t, m0);
        buy(other, elsewhere);
        days(5);
        buy(t, erased);
        days(5);
        buy(t, m10);
        days(10);
        buy(t, m20);
        days(80);
        buy(t, recent);
        days(30);
        assertThat(api.delete(t.adminKey(), "/api/v1/members/" + erased).status()).isEqualTo(204);

        JsonNode first = api.get(t.adminKey(), "/api/v1/engagement/at-risk?limit=2").json();
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("items").get(0).path("memberId").asString()).isEqualTo(m0);
        assertThat(first.path("items").get(0).path("name").asString()).isEqualTo("Айгерим");
        assertThat(first.path("items").get(0).path("daysSince").asLong()).isEqualTo(130);
        assertThat(first.path("items").get(0).path("visits").asLong()).isEqualTo(1);
        assertThat(first.path("items").get(0).path("lastVisitAt").asString()).endsWith("+05:00");
        assertThat(first.path("items").get(1).path("memberId").asString()).isEqualTo(m10);
        String cursor = first.path("nextCursor").asString();
        JsonNode second = api.get(t.adminKey(), "/api/v1/engagement/at-risk?limit=2&cursor=" + enc(cursor)).json();
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("memberId").asString()).isEqualTo(m20);
        assertThat(second.path("nextCursor").isNull()).isTrue();
        assertThat(atRisk(other)).containsExactly(elsewhere);

        assertProblem(api.get(t.adminKey(), "/api/v1/engagement/at-risk?limit=0"), 422, "validation_failed");
        assertProblem(api.get(t.adminKey(), "/api/v1/engagement/at-risk?cursor=nonsense"), 422, "validation_failed");
    }

    @Test
    void theJobsEndpointRunsEachJobOfTheTenantOnly() {
        TestTenant t = tenant(Map.of("afterDays", 60));
        TestTenant other = tenant(Map.of("afterDays", 60));
        String m = newMember(t);
        String o = newMember(other);
        buy(t, m);
        buy(other, o);
        days(40);

        JsonNode expiry = run(t, "expiry");
        assertThat(expiry.path("job").asString()).isEqualTo("expiry");
        assertThat(expiry.path("processed").asLong()).isEqualTo(1);
        assertThat(expiry.path("given").path("lots").asLong()).isEqualTo(1);
        assertThat(run(t, "expiry").path("processed").asLong()).as("nothing twice").isZero();
        long otherLive = jdbc.sql("SELECT count(*) FROM points_lot WHERE tenant_id = :t AND remaining > 0")
                .param("t", UUID.fromString(other.id())).query(Long.class).single();
        assertThat(otherLive).as("another tenant's points are not expired by this tenant's run").isEqualTo(1);

        JsonNode tiers = run(t, "tier_reevaluation");
        assertThat(tiers.path("job").asString()).isEqualTo("tier_reevaluation");
        assertThat(tiers.path("given").path("levelChanges").asLong()).isZero();
        assertThat(run(t, "birthday").path("given").has("coupons")).isTrue();
        assertThat(run(t, "win_back").path("job").asString()).isEqualTo("win_back");

        Api.Response keyed = api.post(t.adminKey(), "/api/v1/jobs/expiry/run", Map.of(), "job-1");
        Api.Response replay = api.post(t.adminKey(), "/api/v1/jobs/expiry/run", Map.of(), "job-1");
        assertThat(replay.json()).isEqualTo(keyed.json());

        assertProblem(api.post(t.adminKey(), "/api/v1/jobs/nightly/run", Map.of()), 404, "unknown_job");
        String pos = newKey(t, "pos");
        assertProblem(api.post(pos, "/api/v1/jobs/birthday/run", Map.of()), 403, "forbidden");
        assertProblem(api.get(pos, "/api/v1/engagement/at-risk"), 403, "forbidden");
        long audited = jdbc.sql("SELECT count(*) FROM audit_entry WHERE tenant_id = :t AND action = 'job.run'")
                .param("t", UUID.fromString(t.id())).query(Long.class).single();
        assertThat(audited).as("a replay records nothing").isEqualTo(6);
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }
}
