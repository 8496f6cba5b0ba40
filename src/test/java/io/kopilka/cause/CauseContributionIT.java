package io.kopilka.cause;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static io.kopilka.testing.ProblemAssert.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules of kind cause_contribution through real purchases and returns. */
class CauseContributionIT extends IntegrationTest {
    private TestTenant tenant;
    private String admin;
    private String cause;

    @BeforeEach
    void programWithACause() {
        tenant = newTenant();
        admin = tenant.adminKey();
        assertThat(api.post(admin, "/api/v1/stores", Map.of("code", "main", "name", "Main")).status()).isEqualTo(201);
        cause = api.post(admin, "/api/v1/causes", CauseTesting.plantATree()).text("id");
    }

    private Api.Response rule(String causeId, Object units) {
        return api.post(admin, "/api/v1/rules", json("name", "Дерево с покупки", "kind", "cause_contribution",
                "causeId", causeId, "units", units, "condition", "purchase.total >= 3000.0"));
    }

    private String memberIn(String locale, String phone) {
        return newMember(tenant, Map.of("phone", phone, "locale", locale)).text("id");
    }

    private Api.Response purchase(String externalId, String phone, String amount) {
        Map<String, Object> body = json("externalId", externalId, "storeCode", "main",
                "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1, "unitPrice", amount),
                        Map.of("sku", "WAX", "quantity", 1, "unitPrice", "1000.00")));
        if (phone != null) {
            body.put("member", Map.of("phone", phone));
        }
        Api.Response r = api.post(admin, "/api/v1/purchases", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private long totalPoints() {
        return api.get(admin, "/api/v1/causes/" + cause).json().path("totalPoints").asLong();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param("t", UUID.fromString(tenant.id())).query(Long.class).single();
    }

    @Test
    void theBusinessGivesAndTheMemberReadsItInTheirLanguage() {
        assertThat(rule(cause, 1).status()).isEqualTo(201);
        Map<String, String> lines = Map.of(
                "ru", "Ваша покупка — ещё 1 дерево для «Посади дерево». Спасибо!",
                "kk", "Сатып алуыңыздың арқасында «Ағаш ек» жобасына тағы 1 ағаш қосылды. Рақмет!",
                "en", "Your purchase adds 1 more tree to “Plant a tree”. Thank you!");
        int n = 0;
        for (var line : lines.entrySet()) {
            String phone = randomPhone();
            memberIn(line.getKey(), phone);
            Api.Response r = purchase("p-" + line.getKey(), phone, "5000.00");
            assertThat(r.json().path("messages").valueStream().map(m -> m.asString())).contains(line.getValue());
            assertThat(totalPoints()).isEqualTo(500L * ++n);
        }
        // At no cost to the members: no ledger entry of theirs says so.
        assertThat(count("SELECT count(*) FROM ledger_entry WHERE tenant_id = :t AND type = 'donate'")).isZero();
        assertThat(count("SELECT count(*) FROM cause_contribution WHERE tenant_id = :t AND source = 'rule'"))
                .isEqualTo(3);
        var c = api.get(admin, "/api/v1/causes/" + cause).json();
        assertThat(c.path("units").asLong()).isEqualTo(3);
        assertThat(c.path("donors").asLong()).isZero();
        assertThat(c.path("together").path("ru").asString()).isEqualTo("Вместе мы посадили 3 дерева");
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void aReplayGivesOnceAndOnlyPurchasesTheRuleAppliesToGive() {
        assertThat(rule(cause, 2).status()).isEqualTo(201);
        String phone = randomPhone();
        memberIn("ru", phone);
        Api.Response first = purchase("p-1", phone, "5000.00");
        assertThat(first.json().path("messages").valueStream().map(m -> m.asString()))
                .contains("Ваша покупка — ещё 2 дерева для «Посади дерево». Спасибо!");
        Api.Response replay = api.post(admin, "/api/v1/purchases", json("externalId", "p-1", "storeCode", "main",
                "member", Map.of("phone", phone), "items", List.of(
                        Map.of("sku", "HAIRCUT", "quantity", 1, "unitPrice", "5000.00"),
                        Map.of("sku", "WAX", "quantity", 1, "unitPrice", "1000.00"))));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(totalPoints()).isEqualTo(1000);

        Api.Response small = purchase("p-2", phone, "1000.00"); // under the rule's condition
        assertThat(small.json().path("messages").valueStream().map(m -> m.asString()))
                .noneMatch(m -> m.contains("Посади дерево"));
        purchase("p-guest", null, "5000.00"); // a guest's purchase: nobody to thank
        assertThat(totalPoints()).isEqualTo(1000);

        // A cause deactivated after the rule was saved takes no more; the purchase goes on.
        assertThat(api.delete(admin, "/api/v1/causes/" + cause).status()).isEqualTo(204);
        Api.Response after = purchase("p-3", phone, "5000.00");
        assertThat(after.json().path("messages").valueStream().map(m -> m.asString()))
                .noneMatch(m -> m.contains("Посади дерево"));
        assertThat(totalPoints()).isEqualTo(1000);
    }

    @Test
    void aWholeReturnTakesTheGiftBack() {
        assertThat(rule(cause, 1).status()).isEqualTo(201);
        String phone = randomPhone();
        memberIn("kk", phone);
        String kept = purchase("p-kept", phone, "5000.00").text("id");
        String id = purchase("p-back", phone, "5000.00").text("id");
        assertThat(totalPoints()).isEqualTo(1000);

        Api.Response part = api.post(admin, "/api/v1/purchases/" + id + "/returns",
                Map.of("externalId", "r-1", "items", List.of(Map.of("sku", "WAX", "quantity", 1))));
        assertThat(part.status()).as(part.toString()).isEqualTo(201);
        assertThat(totalPoints()).isEqualTo(1000);
        Api.Response rest = api.post(admin, "/api/v1/purchases/" + id + "/returns",
                Map.of("externalId", "r-2", "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1))));
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        assertThat(totalPoints()).isEqualTo(500);
        assertThat(count("SELECT count(*) FROM cause_contribution WHERE tenant_id = :t AND points < 0"))
                .isEqualTo(1);
        assertThat(api.get(admin, "/api/v1/causes/" + cause).json().path("units").asLong()).isEqualTo(1);
        assertThat(kept).isNotEqualTo(id);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void aRuleMustNameAnActiveCauseOfItsTenant() {
        Api.Response unknown = assertProblem(rule(UUID.randomUUID().toString(), 1), 422, "unknown_target");
        assertThat(errorFields(unknown)).containsExactly("causeId");
        assertProblem(rule("not-a-uuid", 1), 422, "unknown_target");
        TestTenant other = newTenant();
        String theirs = api.post(other.adminKey(), "/api/v1/causes", CauseTesting.plantATree()).text("id");
        assertProblem(rule(theirs, 1), 422, "unknown_target");
        String closed = api.post(admin, "/api/v1/causes", CauseTesting.plantATree()).text("id");
        assertThat(api.delete(admin, "/api/v1/causes/" + closed).status()).isEqualTo(204);
        assertProblem(rule(closed, 1), 422, "unknown_target");
        assertThat(errorFields(assertProblem(rule(cause, 0), 422, "validation_failed"))).containsExactly("units");
        assertThat(count("SELECT count(*) FROM rule WHERE tenant_id = :t")).isZero();

        Api.Response ok = rule(cause, 1);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.text("causeId")).isEqualTo(cause);
        assertThat(ok.json().path("units").asLong()).isEqualTo(1);
    }
}
