package io.kopilka.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules engine through the API: budgets under load, caps, conditions, versions, simulation. */
class RulesEngineIT extends IntegrationTest {
    private TestTenant tenant;
    private String key;

    @BeforeEach
    void tenant() {
        tenant = newTenant("KZT", "Asia/Almaty", "en");
        key = tenant.adminKey();
        api.post(key, "/api/v1/stores", Map.of("code", "main"));
    }

    private Api.Response buy(String member, String externalId, String price) {
        return api.post(key, "/api/v1/purchases", Map.of("externalId", externalId, "storeCode", "main",
                "member", Map.of("id", member), "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", price))));
    }

    @Test
    void aBudgetIsNeverExceededUnderConcurrentPurchases() throws Exception {
        // 100 points per purchase, a budget for exactly 10 purchases, 32 purchases at once.
        Api.Response rule = api.post(key, "/api/v1/rules", Map.of("name", "Launch bonus", "kind", "points_fixed",
                "points", 100, "budgetPoints", 1000));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(newMember(tenant));
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            int n = i;
            answers.add(pool.submit(() -> new Api(port).post(key, "/api/v1/purchases", Map.of("externalId", "b" + n,
                    "storeCode", "main", "member", Map.of("id", members.get(n % members.size())),
                    "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "1000"))))));
        }
        long given = 0;
        for (Future<Api.Response> f : answers) {
            Api.Response r = f.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            given += r.json().path("pointsEarned").asLong();
        }
        pool.shutdown();
        assertThat(given).isEqualTo(1000);
        long spent = jdbc.sql("SELECT spent FROM rule_budget WHERE tenant_id = :t").param("t", UUID.fromString(tenant.id()))
                .query(Long.class).single();
        assertThat(spent).isEqualTo(1000);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void aBudgetThatRunsShortGivesWhatIsLeft() {
        api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5",
                "budgetPoints", 120));
        String member = newMember(tenant);
        assertThat(buy(member, "s1", "2000").json().path("pointsEarned").asLong()).isEqualTo(100);
        assertThat(buy(member, "s2", "2000").json().path("pointsEarned").asLong()).isEqualTo(20);
        assertThat(buy(member, "s3", "2000").json().path("pointsEarned").asLong()).isZero();
    }

    @Test
    void removingABudgetKeepsWhatWasSpent() {
        String id = api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5",
                "budgetPoints", 120)).text("id");
        String member = newMember(tenant);
        assertThat(buy(member, "k1", "2000").json().path("pointsEarned").asLong()).isEqualTo(100);
        assertThat(api.put(key, "/api/v1/rules/" + id, Map.of("name", "5%", "kind", "points_percent",
                "percent", "5")).status()).isEqualTo(200);
        Api.Response lower = api.put(key, "/api/v1/rules/" + id, Map.of("name", "5%", "kind", "points_percent",
                "percent", "5", "budgetPoints", 50));
        assertThat(lower.code()).isEqualTo("budget_below_spent");
        api.put(key, "/api/v1/rules/" + id, Map.of("name", "5%", "kind", "points_percent", "percent", "5",
                "budgetPoints", 250));
        // 100 were given before the budget was removed; the budget set again counts them: 150 left.
        assertThat(buy(member, "k2", "4000").json().path("pointsEarned").asLong()).isEqualTo(150);
        assertThat(buy(member, "k3", "4000").json().path("pointsEarned").asLong()).isEqualTo(0);
    }

    @Test
    void perMemberDailyAndMonthlyCaps() {
        api.post(key, "/api/v1/rules", Map.of("name", "10%", "kind", "points_percent", "percent", "10",
                "maxPointsPerMemberPerDay", 150, "maxPointsPerMemberPerMonth", 400));
        String member = newMember(tenant);
        assertThat(buy(member, "c1", "1000").json().path("pointsEarned").asLong()).isEqualTo(100);
        assertThat(buy(member, "c2", "1000").json().path("pointsEarned").asLong()).isEqualTo(50);
        assertThat(buy(member, "c3", "1000").json().path("pointsEarned").asLong()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(buy(member, "c4", "5000").json().path("pointsEarned").asLong()).isEqualTo(150);
        clock.advance(Duration.ofDays(1));
        assertThat(buy(member, "c5", "5000").json().path("pointsEarned").asLong()).isEqualTo(100); // month: 400
        String other = newMember(tenant);
        assertThat(buy(other, "c6", "1000").json().path("pointsEarned").asLong()).isEqualTo(100);
    }

    @Test
    void aConditionThatDoesNotCompileIsRefusedWithItsPosition() {
        Api.Response r = api.post(key, "/api/v1/rules", Map.of("name", "broken", "kind", "points_percent",
                "percent", "5", "condition", "purchase.total > "));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("invalid_condition");
        assertThat(r.json().path("line").asInt()).isEqualTo(1);
        assertThat(r.json().path("column").asInt()).isPositive();
        assertThat(api.post(key, "/api/v1/rules", Map.of("name", "types", "kind", "points_percent", "percent", "5",
                "condition", "purchase.total + 1")).code()).isEqualTo("invalid_condition");
        assertThat(api.get(key, "/api/v1/rules").json().path("items").size()).isZero();
    }

    @Test
    void everyChangeRaisesTheVersionAndPurchasesRecordIt() {
        String member = newMember(tenant);
        String id = api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5")).text("id");
        Api.Response first = buy(member, "v1", "1000");
        assertThat(first.json().path("rulesVersion").asLong()).isEqualTo(1);
        assertThat(first.json().path("pointsEarned").asLong()).isEqualTo(50);
        api.put(key, "/api/v1/rules/" + id, Map.of("name", "10%", "kind", "points_percent", "percent", "10"));
        Api.Response second = buy(member, "v2", "1000");
        assertThat(second.json().path("rulesVersion").asLong()).isEqualTo(2);
        assertThat(second.json().path("pointsEarned").asLong()).isEqualTo(100);
        api.delete(key, "/api/v1/rules/" + id);
        Api.Response third = buy(member, "v3", "1000");
        assertThat(third.json().path("rulesVersion").asLong()).isEqualTo(3);
        assertThat(third.json().path("pointsEarned").asLong()).isZero();
        long revisions = jdbc.sql("SELECT COUNT(*) FROM rule_revision WHERE tenant_id = :t")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single();
        assertThat(revisions).isEqualTo(3);
    }

    @Test
    void aChangeMadeByAnotherInstanceReachesThisOneThroughTheDatabase() throws Exception {
        String member = newMember(tenant);
        String id = api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5")).text("id");
        assertThat(buy(member, "n1", "1000").json().path("pointsEarned").asLong()).isEqualTo(50); // now cached
        // Another instance changes the rule in the database and announces it, as JdbcRules does.
        jdbc.sql("""
                UPDATE rule SET definition = jsonb_set(definition, '{percent}', '"20"') WHERE tenant_id = :t AND id = :id""")
                .param("t", UUID.fromString(tenant.id())).param("id", UUID.fromString(id)).update();
        jdbc.sql("UPDATE rule_set SET version = version + 1 WHERE tenant_id = :t").param("t", UUID.fromString(tenant.id()))
                .update();
        jdbc.sql("SELECT pg_notify('kopilka_config', :p)").param("p", "rules:" + tenant.id()).query((rs, i) -> 1).list();
        long earned = 0;
        for (int attempt = 0; attempt < 100 && earned != 200; attempt++) {
            earned = api.post(key, "/api/v1/purchases/quote", Map.of("externalId", "q", "storeCode", "main",
                    "member", Map.of("id", member), "items", List.of(Map.of("sku", "A", "quantity", 1,
                            "unitPrice", "1000")))).json().path("pointsEarned").asLong();
            if (earned != 200) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
        assertThat(earned).isEqualTo(200);
    }

    @Test
    void simulationShowsTheCostOfDraftsAgainstHistoryAndWritesNothing() {
        api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5"));
        String a = newMember(tenant);
        String b = newMember(tenant);
        buy(a, "h1", "1000");
        buy(a, "h2", "3000");
        buy(b, "h3", "2000");
        long purchasesBefore = count("purchase");
        long entriesBefore = count("ledger_entry");
        Map<String, Object> draft = Map.of("name", "8%", "kind", "points_percent", "percent", "8");
        Api.Response history = api.post(key, "/api/v1/rules/simulate", Map.of("rules", List.of(draft),
                "lastPurchases", 10));
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().path("totals").path("purchases").asInt()).isEqualTo(3);
        assertThat(history.json().path("totals").path("live").path("points").asLong()).isEqualTo(300);
        assertThat(history.json().path("totals").path("draft").path("points").asLong()).isEqualTo(480);
        assertThat(history.json().path("totals").path("difference").path("pointsValue").asString()).isEqualTo("180.00");
        assertThat(history.json().path("totals").path("membersAffected").asInt()).isEqualTo(2);

        Api.Response one = api.post(key, "/api/v1/rules/simulate", Map.of("rules", List.of(draft),
                "purchase", Map.of("storeCode", "main", "member", Map.of("id", a),
                        "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "1000")))));
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.json().path("draft").path("pointsEarned").asLong()).isEqualTo(80);
        assertThat(one.json().path("live").path("pointsEarned").asLong()).isEqualTo(50);
        assertThat(count("purchase")).isEqualTo(purchasesBefore);
        assertThat(count("ledger_entry")).isEqualTo(entriesBefore);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = :t")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single();
    }
}
