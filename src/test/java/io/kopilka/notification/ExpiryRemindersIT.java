package io.kopilka.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Expiry reminders end to end: points earned under a 12-month expiry keep it when the program moves to 6,
 * each lead day reminds once, a rerun reminds nobody twice, and the message is in the member's language.
 */
class ExpiryRemindersIT extends IntegrationTest {

    private TestTenant tenant() {
        TestTenant t = newTenant("KZT", "Asia/Almaty", "ru");
        program(t, 12);
        assertThat(api.post(t.adminKey(), "/api/v1/stores", Map.of("code", "main", "name", "Main")).status())
                .isEqualTo(201);
        assertThat(api.post(t.adminKey(), "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent",
                "percent", "5")).status()).isEqualTo(201);
        return t;
    }

    private void program(TestTenant t, int months) {
        Api.Response r = api.put(t.adminKey(), "/api/v1/program", Map.of(
                "expiry", Map.of("mode", "after_earn", "months", months), "expiryReminderDays", List.of(30, 7)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private void buy(TestTenant t, String member) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/purchases", Map.of("externalId", UUID.randomUUID().toString(),
                "storeCode", "main", "member", Map.of("id", member),
                "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "1000"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private JsonNode run(TestTenant t) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/jobs/expiry_reminders/run", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private Instant firstExpiry(TestTenant t, String member) {
        JsonNode expiring = api.get(t.adminKey(), "/api/v1/members/" + member + "/balance").json().path("expiring");
        assertThat(expiring.size()).isPositive();
        return OffsetDateTime.parse(expiring.get(0).path("expiresAt").asString()).toInstant();
    }

    private List<Map<String, Object>> messages(TestTenant t, String member) {
        return jdbc.sql("""
                SELECT kind, occasion, language FROM notification
                WHERE tenant_id = :t AND member_id = :m AND kind = 'points_expiring' ORDER BY created_at""")
                .param("t", UUID.fromString(t.id())).param("m", UUID.fromString(member))
                .query((rs, i) -> Map.<String, Object>of("occasion", rs.getString("occasion"),
                        "language", rs.getString("language"))).list();
    }

    @Test
    void eachLeadDayRemindsOnceAndTheOldExpiryStands() {
        TestTenant t = tenant();
        String member = newMember(t);
        String kazakh = newMember(t, Map.of("phone", randomPhone(), "locale", "kk")).text("id");
        buy(t, member);
        buy(t, kazakh);
        Instant expiresAt = firstExpiry(t, member);
        assertThat(expiresAt).isAfter(clock.instant().plus(Duration.ofDays(360)));

        program(t, 6);
        assertThat(firstExpiry(t, member)).as("a new policy never shortens points already earned").isEqualTo(expiresAt);

        clock.advance(Duration.between(clock.instant(), expiresAt.minus(Duration.ofDays(40))));
        assertThat(run(t).path("given").path("members").asLong()).isZero();

        clock.advance(Duration.ofDays(11));
        JsonNode first = run(t);
        assertThat(first.path("processed").asLong()).isEqualTo(2);
        assertThat(first.path("given").path("members").asLong()).isEqualTo(2);
        assertThat(first.path("given").path("points").asLong()).isEqualTo(100);
        assertThat(run(t).path("given").path("members").asLong()).as("a rerun reminds nobody twice").isZero();

        clock.advance(Duration.ofDays(23));
        assertThat(run(t).path("given").path("members").asLong()).isEqualTo(2);
        clock.advance(Duration.ofDays(1));
        assertThat(run(t).path("given").path("members").asLong()).isZero();

        assertThat(messages(t, member)).hasSize(2).allMatch(m -> m.get("language").equals("ru"))
                .allMatch(m -> m.get("occasion").toString().startsWith("expiry:"));
        assertThat(messages(t, kazakh)).hasSize(2).allMatch(m -> m.get("language").equals("kk"));
        long reminders = jdbc.sql("""
                SELECT count(*) FROM expiry_reminder WHERE tenant_id = :t AND member_id = :m""")
                .param("t", UUID.fromString(t.id())).param("m", UUID.fromString(member)).query(Long.class).single();
        assertThat(reminders).isEqualTo(2);
        assertThat(firstExpiry(t, member)).isEqualTo(expiresAt);
    }
}
