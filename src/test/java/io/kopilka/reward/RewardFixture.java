package io.kopilka.reward;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the reward ITs share: a tenant with a store, rewards, members with points, and row counts. */
abstract class RewardFixture extends IntegrationTest {
    protected TestTenant tenant;
    protected String admin;

    protected void tenantWithStore() {
        tenant = newTenant("KZT", "Asia/Almaty", "ru");
        admin = tenant.adminKey();
        assertThat(api.post(admin, "/api/v1/stores", Map.of("code", "main")).status()).isEqualTo(201);
    }

    protected Map<String, Object> reward(String kind, Object... more) {
        Map<String, Object> body = json("name", "Бесплатная стрижка", "names",
                Map.of("kk", "Тегін шаш қию", "en", "Free haircut"), "kind", kind);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    protected String createReward(Map<String, Object> body) {
        Api.Response r = api.post(admin, "/api/v1/rewards", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    /** A member with {@code points} given by hand (available at once). */
    protected String memberWith(long points) {
        String member = newMember(tenant);
        if (points > 0) {
            Api.Response r = api.post(admin, "/api/v1/members/" + member + "/adjustments",
                    Map.of("points", points, "reason", "seed"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        return member;
    }

    protected Api.Response redeem(String key, String member, String rewardId) {
        return api.post(key, "/api/v1/members/" + member + "/redemptions", Map.of("rewardId", rewardId));
    }

    protected String redeemed(String member, String rewardId) {
        Api.Response r = redeem(admin, member, rewardId);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("coupon").path("code").asString();
    }

    protected long available(String member) {
        return api.get(admin, "/api/v1/members/" + member + "/balance").json().path("available").asLong();
    }

    protected long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE tenant_id = :t")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single();
    }

    /** coupons, ledger entries, reward stock and audit entries: what a refused write must leave as it was. */
    protected List<Object> written() {
        return List.of(rows("coupon"), rows("ledger_entry"), rows("audit_entry"),
                jdbc.sql("SELECT coalesce(sum(stock_left), 0) FROM reward WHERE tenant_id = :t")
                        .param("t", UUID.fromString(tenant.id())).query(Long.class).single());
    }

    protected UUID tenantId() {
        return UUID.fromString(tenant.id());
    }
}
