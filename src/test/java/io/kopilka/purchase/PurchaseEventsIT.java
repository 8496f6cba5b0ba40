package io.kopilka.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.Money;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.ReturnId;
import io.kopilka.shared.TenantId;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * A purchase and a return, through the API, publish PurchaseRecorded and PurchaseReturned with the
 * figures of their answers; a replay publishes nothing, and neither does a quote.
 */
@EnableScenarios
class PurchaseEventsIT extends IntegrationTest {
    private static final Currency KZT = Currency.getInstance("KZT");
    private TestTenant tenant;
    private String key;
    private String member;

    @BeforeEach
    void program() {
        tenant = newTenant();
        key = tenant.adminKey();
        api.post(key, "/api/v1/stores", Map.of("code", "main"));
        api.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5"));
        member = newMember(tenant);
        api.post(key, "/api/v1/members/" + member + "/adjustments", Map.of("points", 1000, "reason", "seed"));
    }

    private Map<String, Object> order(String externalId) {
        return Map.of("externalId", externalId, "storeCode", "main", "member", Map.of("id", member),
                "redeemPoints", 200, "items", List.of(Map.of("sku", "A", "quantity", 2, "unitPrice", "1000")));
    }

    private TenantId tenantId() {
        return new TenantId(UUID.fromString(tenant.id()));
    }

    private static Money kzt(String amount) {
        return new Money(new BigDecimal(amount), KZT);
    }

    @Test
    void aPurchasePublishesWhatItRecorded(Scenario scenario) {
        scenario.stimulate(tx -> api.post(key, "/api/v1/purchases", order("p-1")))
                .andWaitForEventOfType(PurchaseRecorded.class)
                .matching(recorded -> recorded.tenant().equals(tenantId()))
                .toArriveAndVerify((recorded, response) -> {
                    assertThat(response.status()).as(response.toString()).isEqualTo(201);
                    // 2 000 less 200 points at 1 ₸ = 1 800 paid; 5% of it = 90 points.
                    assertThat(recorded).isEqualTo(new PurchaseRecorded(tenantId(),
                            new PurchaseId(UUID.fromString(response.text("id"))), "p-1", "main",
                            new MemberId(UUID.fromString(member)), kzt("2000.00"), kzt("0.00"), kzt("1800.00"), 90,
                            0, 200, START, START));
                });
    }

    @Test
    void aReplayAndAQuotePublishNothing(Scenario scenario) {
        api.post(key, "/api/v1/purchases", order("p-2"));

        scenario.stimulate(tx -> {
                    assertThat(api.post(key, "/api/v1/purchases", order("p-2")).status()).isEqualTo(200);
                    return api.post(key, "/api/v1/purchases/quote", order("p-3"));
                })
                .andWaitForStateChange(() -> true)
                // The events seen in the test include the first commit's: it stays the only one.
                .andVerifyEvents(events -> assertThat(events.ofType(PurchaseRecorded.class)
                        .matching(recorded -> recorded.tenant().equals(tenantId())))
                        .extracting(PurchaseRecorded::externalId).containsExactly("p-2"));
    }

    @Test
    void aReturnPublishesWhatWasTakenAndGivenBack(Scenario scenario) {
        String purchase = api.post(key, "/api/v1/purchases", order("p-4")).text("id");

        scenario.stimulate(tx -> api.post(key, "/api/v1/purchases/" + purchase + "/returns",
                        Map.of("externalId", "r-1", "items", List.of(Map.of("sku", "A", "quantity", 2)))))
                .andWaitForEventOfType(PurchaseReturned.class)
                .matching(returned -> returned.tenant().equals(tenantId()))
                .toArriveAndVerify((returned, response) -> {
                    assertThat(response.status()).as(response.toString()).isEqualTo(201);
                    assertThat(returned).isEqualTo(new PurchaseReturned(tenantId(),
                            new PurchaseId(UUID.fromString(purchase)), new ReturnId(UUID.fromString(response.text("id"))),
                            "r-1", new MemberId(UUID.fromString(member)), kzt("1800.00"), 90, 200, true, START));
                });
    }
}
