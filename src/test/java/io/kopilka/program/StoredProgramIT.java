package io.kopilka.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The stored program has a shape of its own now (program.internal.StoredProgram), no longer the
 * API's document; rows written in the old shape (which carried a "version" inside) must read as
 * they did, and a program saved now must come back the same.
 */
class StoredProgramIT extends IntegrationTest {

    @Test
    void aRowInTheShapeOfEarlierReleasesReadsAsBefore() {
        TestTenant t = newTenant();
        jdbc.sql("""
                INSERT INTO program (tenant_id, settings, version, updated_at)
                VALUES (:tenant, CAST(:settings AS jsonb), 3, now())""")
                .param("tenant", UUID.fromString(t.id()))
                .param("settings", """
                        {"pointValue": "2.50", "maxRedeemShare": "0.40", "minRedeemPoints": 10, "pendingDays": 1,
                         "expiry": {"mode": "after_earn", "months": 6}, "expiryReminderDays": [14, 3],
                         "welcomePoints": 100, "birthdayPoints": 50,
                         "referral": {"referrerPoints": 200, "refereePoints": 150, "qualifyingSpend": "3000.00"},
                         "maxBackdateDays": 10, "version": 3}""")
                .update();
        Api.Response r = api.get(t.adminKey(), "/api/v1/program");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("pointValue")).isEqualTo("2.50");
        assertThat(r.text("maxRedeemShare")).isEqualTo("0.40");
        assertThat(r.json().path("expiry").path("mode").asString()).isEqualTo("after_earn");
        assertThat(r.json().path("expiry").path("months").asInt()).isEqualTo(6);
        assertThat(r.json().path("referral").path("qualifyingSpend").asString()).isEqualTo("3000.00");
        assertThat(r.json().path("welcomePoints").asLong()).isEqualTo(100);
        assertThat(r.json().path("version").asLong()).isEqualTo(3);
        assertThat(r.json().path("staffGifts").path("pointsPerKeyPerDay").asLong())
                .as("a row from before staff gifts lets staff give nothing").isZero();
        assertThat(r.json().path("staffGifts").path("rewardIds").size()).isZero();
    }

    @Test
    void aProgramSavedNowComesBackTheSame() {
        TestTenant t = newTenant();
        Map<String, Object> program = json("pointValue", "0.50", "maxRedeemShare", "0.25", "minRedeemPoints", 5,
                "pendingDays", 2, "expiry", Map.of("mode", "after_inactivity", "months", 12),
                "expiryReminderDays", java.util.List.of(30), "welcomePoints", 300, "birthdayPoints", 0,
                "referral", Map.of("referrerPoints", 1, "refereePoints", 2, "qualifyingSpend", "10.00"),
                "maxBackdateDays", 7,
                "staffGifts", Map.of("pointsPerKeyPerDay", 250, "rewardIds", java.util.List.of("r-1", "r-2")));
        Api.Response saved = api.put(t.adminKey(), "/api/v1/program", program);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String stored = jdbc.sql("SELECT settings::text FROM program WHERE tenant_id = :t")
                .param("t", UUID.fromString(t.id())).query(String.class).single();
        assertThat(stored).contains("\"pointValue\": \"0.50\"").doesNotContain("\"version\"");
        assertThat(api.get(t.adminKey(), "/api/v1/program").json()).isEqualTo(saved.json());
    }
}
