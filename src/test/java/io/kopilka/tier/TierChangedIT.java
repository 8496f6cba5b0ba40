package io.kopilka.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.PurchaseId;
import io.kopilka.shared.TenantId;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/** Every way a level changes publishes TierChanged: a purchase, an assignment, a re-evaluation, a removed level. */
@EnableScenarios
class TierChangedIT extends IntegrationTest {
    @Autowired
    Tiers tiers;

    private TestTenant tenant;
    private TenantId tenantId;
    private MemberId member;

    @BeforeEach
    void ladder() {
        tenant = newTenant("KZT", "Asia/Almaty", "en");
        tenantId = new TenantId(UUID.fromString(tenant.id()));
        api.post(tenant.adminKey(), "/api/v1/stores", Map.of("code", "main"));
        putLadder(List.of(level("base", "0"), level("silver", "5000.00"), level("gold", "20000.00"),
                json("code", "vip", "name", "VIP", "manual", true)));
        member = new MemberId(UUID.fromString(newMember(tenant)));
    }

    private static Map<String, Object> level(String code, String threshold) {
        return json("code", code, "name", code, "threshold", threshold);
    }

    private Api.Response putLadder(List<Map<String, Object>> levels) {
        Api.Response r = api.put(tenant.adminKey(), "/api/v1/tiers", json("metric", "spend",
                "window", json("type", "rolling_months", "months", 12), "graceDays", 0, "levels", levels));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private Api.Response buy(String price) {
        Api.Response r = api.post(tenant.adminKey(), "/api/v1/purchases", Map.of("externalId", UUID.randomUUID().toString(),
                "storeCode", "main", "member", Map.of("id", member.toString()),
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", price))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private TierChanged change(String from, String to, ChangeReason reason, PurchaseId purchase) {
        return new TierChanged(tenantId, member, from, to, reason, purchase, clock.instant());
    }

    @Test
    void aPurchaseThatCrossesAThreshold(Scenario scenario) {
        scenario.stimulate(tx -> buy("6000"))
                .andWaitForEventOfType(TierChanged.class)
                .matching(changed -> changed.member().equals(member))
                .toArriveAndVerify((changed, receipt) -> assertThat(changed).isEqualTo(change("base", "silver",
                        ChangeReason.QUALIFIED, new PurchaseId(UUID.fromString(receipt.text("id"))))));
    }

    @Test
    void anAssignment(Scenario scenario) {
        scenario.stimulate(tx -> api.put(tenant.adminKey(), "/api/v1/members/" + member + "/tier",
                        Map.of("code", "vip", "reason", "Owner's friend")))
                .andWaitForEventOfType(TierChanged.class)
                .matching(changed -> changed.member().equals(member))
                .toArriveAndVerify(changed -> assertThat(changed).isEqualTo(
                        change("base", "vip", ChangeReason.ASSIGNED, null)));
    }

    @Test
    void aReevaluationAfterTheWindowMovedOn(Scenario scenario) {
        var now = clock.instant();
        tiers.afterPurchase(tenantId, member, Ids.next(), new BigDecimal("25000"), 0, now, now);
        clock.set(START.atZone(ZoneId.of("Asia/Almaty")).plusMonths(13).toInstant());

        scenario.stimulate(tx -> tiers.reevaluate(tenantId, clock.instant()))
                .andWaitForEventOfType(TierChanged.class)
                .matching(changed -> changed.member().equals(member))
                .matching(changed -> changed.reason() == ChangeReason.GRACE_ENDED)
                .toArriveAndVerify(changed -> assertThat(changed).isEqualTo(
                        change("gold", "base", ChangeReason.GRACE_ENDED, null)));
    }

    @Test
    void aLevelTakenOutOfTheLadder(Scenario scenario) {
        buy("6000");

        scenario.stimulate(tx -> putLadder(List.of(level("base", "0"), level("gold", "20000.00"))))
                .andWaitForEventOfType(TierChanged.class)
                .matching(changed -> changed.member().equals(member))
                .matching(changed -> changed.reason() == ChangeReason.LEVEL_REMOVED)
                .toArriveAndVerify(changed -> assertThat(changed).isEqualTo(
                        change("silver", "base", ChangeReason.LEVEL_REMOVED, null)));
    }
}
