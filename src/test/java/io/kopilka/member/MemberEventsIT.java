package io.kopilka.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/** A member's join and erase, through the API, publish MemberJoined and MemberErased. */
@EnableScenarios
class MemberEventsIT extends IntegrationTest {

    private static TenantId tenantId(TestTenant tenant) {
        return new TenantId(UUID.fromString(tenant.id()));
    }

    private static MemberId memberId(String id) {
        return new MemberId(UUID.fromString(id));
    }

    @Test
    void joiningPublishesTheNewMemberAndWhoReferredThem(Scenario scenario) {
        TestTenant tenant = newTenant();
        Api.Response referrer = newMember(tenant, Map.of("phone", randomPhone()));

        scenario.stimulate(tx -> newMember(tenant, Map.of("phone", randomPhone(),
                        "referralCode", referrer.text("referralCode"))))
                .andWaitForEventOfType(MemberJoined.class)
                .matching(joined -> joined.tenant().equals(tenantId(tenant)))
                .matching(joined -> joined.referredBy() != null)
                .toArriveAndVerify((joined, created) -> assertThat(joined).isEqualTo(new MemberJoined(
                        tenantId(tenant), memberId(created.text("id")), memberId(referrer.text("id")), START)));
    }

    @Test
    void erasingPublishesMemberErasedOnce(Scenario scenario) {
        TestTenant tenant = newTenant();
        MemberId member = memberId(newMember(tenant));

        scenario.stimulate(tx -> api.delete(tenant.adminKey(), "/api/v1/members/" + member))
                .andWaitForEventOfType(MemberErased.class)
                .matching(erased -> erased.member().equals(member))
                .toArriveAndVerify((erased, response) -> {
                    assertThat(response.status()).isEqualTo(204);
                    assertThat(erased).isEqualTo(new MemberErased(tenantId(tenant), member, START));
                });

        // Erasing an erased member is a no-op: no second event.
        scenario.stimulate(tx -> api.delete(tenant.adminKey(), "/api/v1/members/" + member))
                .andWaitForStateChange(() -> true)
                .andVerifyEvents(events -> assertThat(events.ofType(MemberErased.class)
                        .matching(erased -> erased.member().equals(member))).hasSize(1));
    }
}
