package io.kopilka.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Points expire at the exact instant, are announced beforehand, and the job is safe to repeat. */
class ExpiryIT extends IntegrationTest {
    @Autowired
    PointsExpiry expiry;

    private String key;
    private String member;
    private TestTenant tenant;

    @BeforeEach
    void program() {
        tenant = newTenant("KZT", "Asia/Almaty", "ru");
        key = tenant.adminKey();
        api.put(key, "/api/v1/program", Map.of("expiry", Map.of("mode", "after_earn", "months", 1)));
        api.post(key, "/api/v1/stores", Map.of("code", "main"));
        api.post(key, "/api/v1/rules", Map.of("name", "10%", "kind", "points_percent", "percent", "10"));
        member = newMember(tenant);
    }

    private void buy(String externalId, String price) {
        Api.Response r = api.post(key, "/api/v1/purchases", Map.of("externalId", externalId, "storeCode", "main",
                "member", Map.of("id", member), "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", price))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private JsonNode balance() {
        return api.get(key, "/api/v1/members/" + member + "/balance").json();
    }

    @Test
    void pointsLeaveTheBalanceAtTheExactInstantEvenBeforeTheJobRuns() {
        buy("e1", "1000"); // 100 points at START, expire START + 1 month (Almaty calendar)
        clock.advance(Duration.ofDays(10));
        buy("e2", "500"); // 50 points
        Instant firstExpiry = OffsetDateTime.parse(balance().path("expiring").get(0).path("expiresAt").asString())
                .toInstant();
        assertThat(firstExpiry).isEqualTo(START.atZone(java.time.ZoneId.of("Asia/Almaty")).plusMonths(1).toInstant());
        assertThat(balance().path("expiring").get(0).path("points").asLong()).isEqualTo(100);

        clock.set(firstExpiry.minusMillis(1));
        assertThat(balance().path("available").asLong()).isEqualTo(150);
        clock.set(firstExpiry);
        assertThat(balance().path("available").asLong()).isEqualTo(50);
        assertThat(balance().path("expiring").get(0).path("points").asLong()).isEqualTo(50);
        // Spending cannot reach expired points either.
        Api.Response spend = api.post(key, "/api/v1/purchases", Map.of("externalId", "e3", "storeCode", "main",
                "member", Map.of("id", member), "redeemPoints", 60,
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "1000"))));
        assertThat(spend.code()).isEqualTo("insufficient_points");

        assertThat(expiry.expireDue(clock.instant())).isGreaterThanOrEqualTo(1);
        assertThat(balance().path("available").asLong()).isEqualTo(50);
        JsonNode history = api.get(key, "/api/v1/members/" + member + "/history").json().path("items");
        assertThat(history.get(0).path("type").asString()).isEqualTo("expire");
        assertThat(history.get(0).path("points").asLong()).isEqualTo(-100);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void theJobIsIdempotentAndSafeToRunTwiceAtOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            buy("j" + i, "100");
        }
        clock.advance(Duration.ofDays(40));
        Instant now = clock.instant();
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> expiry.expireDue(now));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> expiry.expireDue(now));
        int expired = a.get() + b.get() + expiry.expireDue(now);
        long entries = jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE tenant_id = :t AND type = 'expire'")
                .param("t", UUID.fromString(tenant.id())).query(Long.class).single();
        assertThat(entries).isEqualTo(20);
        assertThat(expired).isGreaterThanOrEqualTo(20);
        assertThat(expiry.expireDue(now)).isZero();
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
        assertThat(LedgerInvariant.rows(jdbc, UUID.fromString(tenant.id())).getFirst().balance()).isZero();
    }

    @Test
    void inactivityExpiryMovesWithEveryPurchase() {
        api.put(key, "/api/v1/program", Map.of("expiry", Map.of("mode", "after_inactivity", "months", 2)));
        buy("i1", "1000");
        clock.advance(Duration.ofDays(50));
        buy("i2", "1000");
        clock.advance(Duration.ofDays(50)); // 100 days after the first purchase, 50 after the last
        assertThat(balance().path("available").asLong()).isEqualTo(200);
        clock.advance(Duration.ofDays(15));
        assertThat(balance().path("available").asLong()).isZero();
    }
}
