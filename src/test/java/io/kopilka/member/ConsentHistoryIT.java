package io.kopilka.member;

import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every change of a member's consents is recorded with when, how and from where; the history outlives erasure. */
class ConsentHistoryIT extends IntegrationTest {
    private static final String BROWSER = "Mozilla/5.0 (Till 3; Kopilka test)";

    private JsonNode consents(TestTenant t, String member, String query) {
        Api.Response r = api.get(t.adminKey(), "/api/v1/members/" + member + "/consents" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private String join(TestTenant t, Map<String, Object> consents) {
        Api.Response r = api.send("POST", t.adminKey(), "/api/v1/members",
                json("phone", randomPhone(), "consents", consents), Map.of("User-Agent", BROWSER));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("id");
    }

    @Test
    void the_join_records_each_consent_given_with_the_key_the_address_and_the_user_agent() {
        TestTenant t = newTenant();
        String member = join(t, json("sms", true, "email", false));
        JsonNode answer = consents(t, member, "");
        assertThat(answer.path("memberId").asString()).isEqualTo(member);
        assertThat(answer.path("consents").toString()).contains("\"sms\":true").contains("\"email\":false");
        JsonNode history = answer.path("history");
        assertThat(history).hasSize(2);
        for (JsonNode row : history) {
            assertThat(row.path("source").asString()).isEqualTo("api");
            assertThat(row.path("at").asString()).isEqualTo("2026-11-22T14:00:00+05:00");
            assertThat(row.path("detail").path("ip").asString()).isEqualTo("127.0.0.1");
            assertThat(row.path("detail").path("userAgent").asString()).isEqualTo(BROWSER);
            assertThat(row.path("detail").path("keyId").asString()).isNotBlank();
        }
        assertThat(channels(history)).containsExactlyInAnyOrder("sms=true", "email=false");
    }

    @Test
    void a_patch_records_only_the_keys_whose_value_changed_newest_first_and_pages() {
        TestTenant t = newTenant();
        String member = join(t, json("sms", true, "email", false));
        clock.advance(Duration.ofHours(1));
        Api.Response r = api.patch(t.adminKey(), "/api/v1/members/" + member,
                json("consents", json("sms", false, "email", false, "marketing", true)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        // A PATCH that changes no consent records nothing.
        assertThat(api.patch(t.adminKey(), "/api/v1/members/" + member, json("name", "Aigerim")).status())
                .isEqualTo(200);

        JsonNode history = consents(t, member, "").path("history");
        assertThat(history).hasSize(4);
        assertThat(channels(history).subList(0, 2)).containsExactlyInAnyOrder("sms=false", "marketing=true");
        assertThat(history.get(0).path("at").asString()).isEqualTo("2026-11-22T15:00:00+05:00");
        assertThat(history.get(3).path("at").asString()).isEqualTo("2026-11-22T14:00:00+05:00");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = consents(t, member, "?limit=3" + (cursor == null ? "" : "&cursor=" + enc(cursor)));
            page.path("history").forEach(row -> paged.add(row.path("id").asString()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
        } while (cursor != null);
        List<String> all = new ArrayList<>();
        history.forEach(row -> all.add(row.path("id").asString()));
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void an_erasure_keeps_the_history_without_the_detail_and_records_the_withdrawals() {
        TestTenant t = newTenant();
        String member = join(t, json("sms", true, "email", false));
        clock.advance(Duration.ofMinutes(5));
        assertThat(api.delete(t.adminKey(), "/api/v1/members/" + member).status()).isEqualTo(204);

        JsonNode answer = consents(t, member, "");
        assertThat(answer.path("consents").size()).isZero();
        JsonNode history = answer.path("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(0).path("source").asString()).isEqualTo("erasure");
        assertThat(channels(history).getFirst()).isEqualTo("sms=false");
        assertThat(channels(history)).containsExactlyInAnyOrder("sms=false", "email=false", "sms=true");
        history.forEach(row -> assertThat(row.path("detail").size()).as(row.toString()).isZero());
    }

    @Test
    void the_history_is_append_only_but_for_the_erasure_emptying_the_detail() {
        TestTenant t = newTenant();
        String member = join(t, json("sms", true));
        UUID tenant = UUID.fromString(t.id());
        assertThatThrownBy(() -> jdbc.sql("UPDATE consent_change SET granted = false WHERE tenant_id = :t")
                .param("t", tenant).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM consent_change WHERE tenant_id = :t")
                .param("t", tenant).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE consent_change SET detail = '{\"ip\": \"10.0.0.1\"}' "
                + "WHERE tenant_id = :t").param("t", tenant).update()).hasMessageContaining("append-only");
        assertThat(consents(t, member, "").path("history")).hasSize(1);
    }

    @Test
    void admin_only_and_another_tenants_member_is_not_found() {
        TestTenant t = newTenant();
        String member = join(t, json("sms", true));
        assertProblem(api.get(newKey(t, "pos"), "/api/v1/members/" + member + "/consents"), 403, "forbidden");
        assertProblem(api.get(newTenant().adminKey(), "/api/v1/members/" + member + "/consents"), 404, "not_found");
        assertProblem(api.get(t.adminKey(), "/api/v1/members/" + member + "/consents?cursor=nonsense"), 422,
                "validation_failed");
    }

    private static List<String> channels(JsonNode history) {
        List<String> out = new ArrayList<>();
        history.forEach(row -> out.add(row.path("channel").asString() + "=" + row.path("granted").asBoolean()));
        return out;
    }
}
