package io.kopilka.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A till's retry gets the first answer even when the program, the rules or the clock moved on since. */
class PurchaseReplayIT extends IntegrationTest {
    private TestTenant tenant;
    private String key;
    private String member;
    private String rule;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        key = tenant.adminKey();
        api.post(key, "/api/v1/stores", Map.of("code", "main"));
        rule = api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5")).text("id");
        member = newMember(tenant);
    }

    private Map<String, Object> purchase(String externalId) {
        return Map.of("externalId", externalId, "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "A", "quantity", 2, "unitPrice", "1000")));
    }

    private long purchases() {
        return jdbc.sql("SELECT COUNT(*) FROM purchase WHERE tenant_id = :t").param("t", UUID.fromString(tenant.id()))
                .query(Long.class).single();
    }

    @Test
    void aReplayAfterTheRulesAndProgramChangedIsTheFirstAnswer() {
        Api.Response first = api.post(key, "/api/v1/purchases", purchase("p-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().path("pointsEarned").asLong()).isEqualTo(100);
        api.delete(key, "/api/v1/rules/" + rule);
        api.post(key, "/api/v1/rules", Map.of("name", "20%", "kind", "points_percent", "percent", "20"));
        api.put(key, "/api/v1/program", Map.of("pointValue", "2.00"));
        clock.advance(Duration.ofHours(3));
        Api.Response replay = api.post(key, "/api/v1/purchases", purchase("p-1"));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(purchases()).isEqualTo(1);
        assertThat(api.get(key, "/api/v1/members/" + member + "/balance").json().path("available").asLong())
                .isEqualTo(100);
    }

    @Test
    void aLateRetryOfABackdatedPurchaseReplaysTheFirstAnswer() {
        Map<String, Object> body = new java.util.HashMap<>(purchase("late-1"));
        body.put("occurredAt", START.minus(Duration.ofDays(29)).atZone(ZoneId.of("Asia/Almaty")).toOffsetDateTime()
                .toString());
        Api.Response first = api.post(key, "/api/v1/purchases", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        clock.advance(Duration.ofDays(2));
        Api.Response replay = api.post(key, "/api/v1/purchases", body);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());
    }
}
