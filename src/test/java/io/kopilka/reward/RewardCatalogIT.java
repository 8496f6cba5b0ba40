package io.kopilka.reward;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static io.kopilka.testing.ProblemAssert.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The catalog over HTTP: every field kept, every bad one named, archived not deleted, audited, the admin's only. */
class RewardCatalogIT extends RewardFixture {

    @BeforeEach
    void setUp() {
        tenantWithStore();
    }

    @Test
    void createsReadsReplacesAndArchivesWithEveryField() {
        Map<String, Object> body = reward("free_item", "description", "Любая стрижка", "descriptions",
                Map.of("en", "Any haircut"), "costPoints", 3000, "itemFilter", Map.of("skus", List.of("HAIRCUT")),
                "minSpend", "1000", "stores", List.of("main"), "tiers", List.of("gold"), "stock", 20,
                "perMemberLimit", 2, "couponValidDays", 30, "validFrom", "2026-11-01T00:00:00+05:00",
                "validTo", "2027-01-01T00:00:00+05:00", "imageUrl", "https://example.kz/haircut.png",
                "refundOnExpiry", false);
        Api.Response created = api.post(admin, "/api/v1/rewards", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode r = created.json();
        assertThat(r.path("name").asString()).isEqualTo("Бесплатная стрижка");
        assertThat(r.path("names").path("en").asString()).isEqualTo("Free haircut");
        assertThat(r.path("descriptions").path("en").asString()).isEqualTo("Any haircut");
        assertThat(r.path("kind").asString()).isEqualTo("free_item");
        assertThat(r.path("costPoints").asLong()).isEqualTo(3000);
        assertThat(r.path("itemFilter").path("skus").get(0).asString()).isEqualTo("HAIRCUT");
        assertThat(r.path("minSpend").asString()).isEqualTo("1000.00");
        assertThat(r.path("stock").asLong()).isEqualTo(20);
        assertThat(r.path("stockLeft").asLong()).isEqualTo(20);
        assertThat(r.path("status").asString()).isEqualTo("active");
        assertThat(r.path("perMemberLimit").asInt()).isEqualTo(2);
        assertThat(r.path("couponValidDays").asInt()).isEqualTo(30);
        assertThat(r.path("validFrom").asString()).isEqualTo("2026-11-01T00:00:00+05:00");
        assertThat(r.path("imageUrl").asString()).isEqualTo("https://example.kz/haircut.png");
        assertThat(r.path("refundOnExpiry").asBoolean()).isFalse();
        assertThat(r.path("createdAt").asString()).endsWith("+05:00");
        String id = r.path("id").asString();
        assertThat(api.get(admin, "/api/v1/rewards/" + id).json()).isEqualTo(r);

        Api.Response replaced = api.put(admin, "/api/v1/rewards/" + id, reward("percent_off", "percent", "15",
                "costPoints", 1000, "stock", 25));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.text("percent")).isEqualTo("15");
        assertThat(replaced.json().path("stockLeft").asLong()).isEqualTo(25);
        assertThat(replaced.json().path("refundOnExpiry").asBoolean()).isTrue();
        assertThat(replaced.text("createdAt")).isEqualTo(r.path("createdAt").asString());

        assertThat(api.delete(admin, "/api/v1/rewards/" + id).status()).isEqualTo(204);
        assertThat(api.get(admin, "/api/v1/rewards/" + id).text("status")).isEqualTo("archived");
        assertThat(api.delete(admin, "/api/v1/rewards/" + id).status()).isEqualTo(204);

        List<String> actions = jdbc.sql("SELECT action FROM audit_entry WHERE tenant_id = :t AND object_id = :id "
                        + "ORDER BY at, id").param("t", tenantId()).param("id", id).query(String.class).list();
        assertThat(actions).containsExactly("reward.created", "reward.updated", "reward.archived");
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsWritten() {
        long audited = rows("audit_entry");
        Api.Response r = api.post(admin, "/api/v1/rewards", json("name", "", "names", Map.of("de", "Haarschnitt"),
                "kind", "percent_off", "percent", "120", "amount", "5", "costPoints", 0, "minSpend", "-1",
                "stores", List.of("nowhere"), "stock", -1, "perMemberLimit", 0, "couponValidDays", 0,
                "validFrom", "2026-12-10T00:00:00+05:00", "validTo", "2026-12-01T00:00:00+05:00",
                "imageUrl", "ftp://example.kz/a.png"));
        assertInvalid(r, "name", "names", "percent", "amount", "costPoints", "minSpend", "stores", "stock",
                "perMemberLimit", "couponValidDays", "validTo", "imageUrl");
        assertInvalid(api.post(admin, "/api/v1/rewards", reward("coffee")), "kind");
        assertInvalid(api.post(admin, "/api/v1/rewards", reward("amount_off", "amount", "10.001")), "amount");
        assertInvalid(api.post(admin, "/api/v1/rewards", reward("amount_off")), "amount");
        assertInvalid(api.post(admin, "/api/v1/rewards", reward("percent_off", "percent", "0")), "percent");
        assertInvalid(api.post(admin, "/api/v1/rewards", reward("free_item")), "itemFilter");
        assertInvalid(api.post(admin, "/api/v1/rewards", reward("gift", "imageUrl", "https://" + "a".repeat(2000))),
                "imageUrl");
        assertThat(rows("reward")).isZero();
        assertThat(rows("audit_entry")).isEqualTo(audited);

        String id = createReward(reward("gift"));
        JsonNode before = api.get(admin, "/api/v1/rewards/" + id).json();
        Api.Response bad = api.put(admin, "/api/v1/rewards/" + id, reward("amount_off", "stores", List.of("mall")));
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("amount", "stores");
        assertThat(api.get(admin, "/api/v1/rewards/" + id).json()).isEqualTo(before);
    }

    @Test
    void theStockLeftFollowsAChangedStock() {
        String id = createReward(reward("gift", "costPoints", 10, "stock", 5));
        String member = memberWith(100);
        redeemed(member, id);
        redeemed(member, id);
        assertThat(api.put(admin, "/api/v1/rewards/" + id, reward("gift", "costPoints", 10, "stock", 10))
                .json().path("stockLeft").asLong()).isEqualTo(8);
        assertThat(api.put(admin, "/api/v1/rewards/" + id, reward("gift", "costPoints", 10, "stock", 1))
                .json().path("stockLeft").asLong()).isZero();
        assertThat(api.put(admin, "/api/v1/rewards/" + id, reward("gift", "costPoints", 10)).json()
                .path("stockLeft").isNull()).isTrue();
        assertThat(api.put(admin, "/api/v1/rewards/" + id, reward("gift", "costPoints", 10, "stock", 3))
                .json().path("stockLeft").asLong()).isEqualTo(1);
    }

    @Test
    void theListPagesFiltersAndShowsATillOnlyWhatIsOnSale() {
        String a = createReward(reward("gift"));
        String b = createReward(reward("gift"));
        String c = createReward(reward("gift"));
        api.delete(admin, "/api/v1/rewards/" + b);
        Api.Response first = api.get(admin, "/api/v1/rewards?limit=2");
        assertThat(ids(first)).containsExactly(a, b);
        Api.Response second = api.get(admin, "/api/v1/rewards?limit=2&cursor=" + first.text("nextCursor"));
        assertThat(ids(second)).containsExactly(c);
        assertThat(second.json().path("nextCursor").isNull()).isTrue();
        assertThat(ids(api.get(admin, "/api/v1/rewards?status=archived"))).containsExactly(b);
        assertThat(ids(api.get(admin, "/api/v1/rewards?status=active"))).containsExactly(a, c);
        assertInvalid(api.get(admin, "/api/v1/rewards?status=gone"), "status");

        String pos = newKey(tenant, "pos");
        assertThat(ids(api.get(pos, "/api/v1/rewards"))).containsExactly(a, c);
        assertThat(ids(api.get(pos, "/api/v1/rewards?status=archived"))).isEmpty();
        assertThat(api.get(pos, "/api/v1/rewards/" + a).status()).isEqualTo(200);
        assertProblem(api.get(pos, "/api/v1/rewards/" + b), 404, "not_found");
    }

    @Test
    void aTillCannotChangeTheCatalog() {
        String pos = newKey(tenant, "pos");
        String id = createReward(reward("gift"));
        assertProblem(api.post(pos, "/api/v1/rewards", reward("gift")), 403, "forbidden");
        assertProblem(api.put(pos, "/api/v1/rewards/" + id, reward("gift", "costPoints", 1)), 403, "forbidden");
        assertProblem(api.delete(pos, "/api/v1/rewards/" + id), 403, "forbidden");
        assertThat(rows("reward")).isEqualTo(1);
        assertThat(api.get(admin, "/api/v1/rewards/" + id).text("status")).isEqualTo("active");
    }

    @Test
    void anotherTenantsRewardIsNotFound() {
        String id = createReward(reward("gift", "costPoints", 10));
        TestTenant other = newTenant();
        assertProblem(api.get(other.adminKey(), "/api/v1/rewards/" + id), 404, "not_found");
        assertProblem(api.put(other.adminKey(), "/api/v1/rewards/" + id, reward("gift")), 404, "not_found");
        assertProblem(api.delete(other.adminKey(), "/api/v1/rewards/" + id), 404, "not_found");
        assertThat(api.get(other.adminKey(), "/api/v1/rewards").json().path("items")).isEmpty();
        String stranger = newMember(other);
        assertProblem(api.post(other.adminKey(), "/api/v1/members/" + stranger + "/redemptions",
                Map.of("rewardId", id)), 404, "not_found");
        assertProblem(api.get(admin, "/api/v1/rewards/not-an-id"), 404, "not_found");
        assertThat(api.get(admin, "/api/v1/rewards/" + id).text("status")).isEqualTo("active");
    }

    @Test
    void anIdempotentCreateIsDoneOnce() {
        Api.Response first = api.post(admin, "/api/v1/rewards", reward("gift"), "create-1");
        Api.Response again = api.post(admin, "/api/v1/rewards", reward("gift"), "create-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(rows("reward")).isEqualTo(1);
    }

    private static List<String> ids(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("items").valueStream().map(i -> i.path("id").asString()).toList();
    }
}
