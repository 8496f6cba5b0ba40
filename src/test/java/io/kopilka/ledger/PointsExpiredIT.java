package io.kopilka.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/** The expiry job publishes one PointsExpired per member, with the points, the entries and the balance left. */
@EnableScenarios
class PointsExpiredIT extends IntegrationTest {
    @Autowired
    PointsExpiry expiry;

    @Test
    void oneEventPerMemberWithTheirExpiredLots(Scenario scenario) {
        TestTenant tenant = newTenant("KZT", "Asia/Almaty", "ru");
        String key = tenant.adminKey();
        api.put(key, "/api/v1/program", Map.of("expiry", Map.of("mode", "after_earn", "months", 1)));
        api.post(key, "/api/v1/stores", Map.of("code", "main"));
        api.post(key, "/api/v1/rules", Map.of("name", "10%", "kind", "points_percent", "percent", "10"));
        String member = newMember(tenant);
        buy(key, member, "1000"); // 100 points, expiring in a month
        buy(key, member, "500"); // 50 more, a second lot
        clock.advance(Duration.ofDays(20));
        buy(key, member, "300"); // 30 that are still live when the first two expire
        clock.advance(Duration.ofDays(15));
        MemberId memberId = new MemberId(UUID.fromString(member));

        scenario.stimulate(tx -> expiry.expireDue(clock.instant()))
                .andWaitForEventOfType(PointsExpired.class)
                .matching(expired -> expired.member().equals(memberId))
                .toArriveAndVerify(expired -> {
                    List<UUID> entries = jdbc.sql("""
                            SELECT id FROM ledger_entry WHERE tenant_id = :tenant AND member_id = :member
                              AND type = 'expire' ORDER BY id""")
                            .param("tenant", UUID.fromString(tenant.id())).param("member", memberId.value())
                            .query(UUID.class).list();
                    assertThat(entries).hasSize(2);
                    assertThat(expired).isEqualTo(new PointsExpired(new TenantId(UUID.fromString(tenant.id())),
                            memberId, 150, entries, 30, clock.instant()));
                });
    }

    private void buy(String key, String member, String price) {
        Api.Response r = api.post(key, "/api/v1/purchases", Map.of("externalId", UUID.randomUUID().toString(),
                "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", price))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
}
