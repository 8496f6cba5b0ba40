package io.kopilka.member;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Another tenant's member does not exist for you: 404 everywhere, and nothing changes. */
class MemberTenantIsolationIT extends IntegrationTest {

    @Test
    void anotherTenantsKeysGetNotFoundOnEveryMemberEndpoint() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        Api.Response m = newMember(a, json("phone", "+77017778899", "name", "Aigerim", "attributes", Map.of("kids", 2)));
        String id = m.text("id");
        String card = m.text("cardNumber");

        String webhook = api.post(a.adminKey(), "/api/v1/webhooks", Map.of("url", "https://93.184.215.14/hooks",
                "events", List.of("member.updated"))).text("id");
        for (String key : List.of(b.adminKey(), newKey(b, "pos"))) {
            assertProblem(api.get(key, "/api/v1/members/" + id), 404, "not_found");
            assertProblem(api.get(key, "/api/v1/members/" + id + "/badges"), 404, "not_found");
            // A pos key may not edit, reissue or erase anyone (403, the role check comes first); an admin
            // of B finds no such member.
            Api.Response patch = api.patch(key, "/api/v1/members/" + id, Map.of("name", "Hijacked"));
            Api.Response reissue = api.post(key, "/api/v1/members/" + id + "/card/reissue", null);
            Api.Response erase = api.delete(key, "/api/v1/members/" + id);
            for (Api.Response r : List.of(patch, reissue, erase)) {
                if (key.equals(b.adminKey())) {
                    assertProblem(r, 404, "not_found");
                } else {
                    assertProblem(r, 403, "forbidden");
                }
            }
            assertProblem(api.post(key, "/api/v1/members/" + id + "/donations",
                    Map.of("causeId", java.util.UUID.randomUUID().toString(), "points", 1)), 404, "not_found");
            assertProblem(api.get(key, "/api/v1/members?phone=" + enc("+77017778899")), 404, "not_found");
            assertProblem(api.get(key, "/api/v1/members?phone=" + enc("8 701 777 88 99")), 404, "not_found");
            assertProblem(api.get(key, "/api/v1/members?card=" + card), 404, "not_found");
            assertProblem(api.get(key, "/api/v1/members/" + id + "/coupons"), 404, "not_found");
            assertProblem(api.get(key, "/api/v1/members/" + id + "/referrals"), 404, "not_found");
            assertProblem(api.get(key, "/api/v1/members/" + id + "/challenges"), 404, "not_found");
            assertProblem(api.post(key, "/api/v1/members/" + id + "/telegram-link", null), 404, "not_found");
            assertProblem(api.get(key, "/api/v1/members/" + id + "/consents"),
                    key.equals(b.adminKey()) ? 404 : 403, key.equals(b.adminKey()) ? "not_found" : "forbidden");
            // B's admin sees none of A's webhooks, nor their deliveries, and changes none of them.
            if (key.equals(b.adminKey())) {
                assertProblem(api.get(key, "/api/v1/webhooks/" + webhook), 404, "not_found");
                assertProblem(api.get(key, "/api/v1/webhooks/" + webhook + "/deliveries"), 404, "not_found");
                assertProblem(api.patch(key, "/api/v1/webhooks/" + webhook, Map.of("enabled", false)), 404,
                        "not_found");
                assertThat(api.get(key, "/api/v1/webhooks").body()).doesNotContain(webhook);
            }
            Api.Response list = api.get(key, "/api/v1/members");
            assertThat(list.body()).doesNotContain(id);
        }

        // Tenant A's member is exactly as it was: not renamed, not erased, same card.
        Api.Response after = api.get(a.adminKey(), "/api/v1/members/" + id);
        assertThat(after.json()).isEqualTo(m.json());
        // Nor did B's refused attempts leave a trace in A's audit log, and B's log never shows A's member.
        assertThat(api.patch(a.adminKey(), "/api/v1/members/" + id, Map.of("name", "Aigerim S.")).status())
                .isEqualTo(200);
        assertThat(api.get(a.adminKey(), "/api/v1/audit?objectId=" + id).json().path("items")).hasSize(1);
        assertThat(api.get(b.adminKey(), "/api/v1/audit?objectId=" + id).json().path("items")).isEmpty();
        assertThat(api.get(b.adminKey(), "/api/v1/audit?limit=200").body()).doesNotContain(id);
        assertThat(api.get(b.adminKey(), "/api/v1/engagement/at-risk?limit=200").body()).doesNotContain(id);
        assertThat(api.get(a.adminKey(), "/api/v1/members?card=" + card).text("id")).isEqualTo(id);
    }

    @Test
    void theSamePhoneMayBelongToAMemberInEachTenant() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        String inA = newMember(a, Map.of("phone", "+77017778800")).text("id");
        String inB = newMember(b, Map.of("phone", "8 701 777 88 00")).text("id");

        assertThat(inB).isNotEqualTo(inA);
        assertThat(api.get(a.adminKey(), "/api/v1/members?phone=" + enc("+77017778800")).text("id")).isEqualTo(inA);
        assertThat(api.get(b.adminKey(), "/api/v1/members?phone=" + enc("+77017778800")).text("id")).isEqualTo(inB);
    }

    @Test
    void anErrorAboutAnotherTenantsPhoneRevealsNothing() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();
        String inA = newMember(a, Map.of("phone", "+77017778811")).text("id");
        String inB = newMember(b, Map.of("phone", "+77017778822")).text("id");
        // Moving B's member to a phone that exists only in A is allowed and says nothing about A.
        Api.Response r = api.patch(b.adminKey(), "/api/v1/members/" + inB, Map.of("phone", "+77017778811"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(inA);
    }
}
