package io.kopilka.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import io.kopilka.testing.SeededRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Challenges and time: one a day, windows, backdated purchases, and seeded surprises. */
class ChallengeTimeIT extends IntegrationTest {
    @Autowired
    SeededRandom random;
    private TestTenant tenant;
    private String admin;
    private String phone;
    private String member;
    private int purchases;

    @BeforeEach
    void program() {
        tenant = newTenant();
        admin = tenant.adminKey();
        assertThat(api.post(admin, "/api/v1/stores", Map.of("code", "main", "name", "Main")).status()).isEqualTo(201);
        phone = randomPhone();
        member = api.post(admin, "/api/v1/members", Map.of("phone", phone)).text("id");
    }

    @AfterEach
    void ledgerAddsUp() {
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    private void create(Object... fields) {
        Map<String, Object> body = json("name", "Три визита", "metric", "visits", "target", 3,
                "reward", Map.of("points", 50));
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        Api.Response r = api.post(admin, "/api/v1/challenges", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    /** A purchase now, or at {@code occurredAt} (backdated); whether it completed a challenge. */
    private boolean buy(Instant occurredAt) {
        Map<String, Object> body = json("externalId", "p-" + (++purchases), "storeCode", "main",
                "member", Map.of("phone", phone),
                "items", List.of(Map.of("sku", "HAIRCUT", "quantity", 1, "unitPrice", "5000.00")));
        if (occurredAt != null) {
            body.put("occurredAt", occurredAt.toString());
        }
        Api.Response r = api.post(admin, "/api/v1/purchases", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode parts = r.json().path("challenges");
        return parts.size() == 1 && parts.get(0).path("completed").asBoolean();
    }

    private void onDay(int day) {
        clock.set(START.plus(Duration.ofDays(day - 1)));
    }

    private int completions() {
        return api.get(admin, "/api/v1/members/" + member + "/challenges").json().get(0).path("completions").asInt();
    }

    @Test
    void twoPurchasesOnOneDayCountOnceWithOncePerDay() {
        create("target", 2, "oncePerDay", true);
        assertThat(buy(null)).isFalse();
        clock.advance(Duration.ofHours(2));
        assertThat(buy(null)).isFalse();
        assertThat(api.get(admin, "/api/v1/members/" + member + "/challenges").json().get(0).path("progress")
                .asString()).isEqualTo("1");
        clock.advance(Duration.ofDays(1));
        assertThat(buy(null)).isTrue();
    }

    @Test
    void threeInSixtyDaysOnDays1And30And65IsNot() {
        create("window", Map.of("days", 60));
        onDay(1);
        buy(null);
        onDay(30);
        buy(null);
        onDay(65);
        assertThat(buy(null)).isFalse();
        JsonNode card = api.get(admin, "/api/v1/members/" + member + "/challenges").json().get(0);
        assertThat(card.path("progress").asString()).isEqualTo("2");
        assertThat(card.path("windowEndsAt").isNull()).isFalse();
    }

    @Test
    void threeInSixtyDaysOnDays1And30And50Is() {
        create("window", Map.of("days", 60));
        onDay(1);
        buy(null);
        onDay(30);
        buy(null);
        onDay(50);
        assertThat(buy(null)).isTrue();
        assertThat(completions()).isEqualTo(1);
    }

    @Test
    void aBackdatedPurchaseCountsWhereItBelongs() {
        create("window", Map.of("days", 10));
        onDay(1);
        buy(null);
        onDay(20);
        buy(null);
        // Entered on day 21, made on day 15: days 15 and 20 are within 10 days, day 1 is not.
        onDay(21);
        assertThat(buy(START.plus(Duration.ofDays(14)))).isFalse();
        assertThat(api.get(admin, "/api/v1/members/" + member + "/challenges").json().get(0).path("progress")
                .asString()).isEqualTo("2");
        // Made on day 12: with days 15 and 20 three within 10 days.
        assertThat(buy(START.plus(Duration.ofDays(11)))).isTrue();
    }

    @Test
    void aSurpriseIsDrawnWithTheSeededGenerator() {
        random.reseed(7);
        create("surprise", Map.of("probability", 0.3));
        SeededRandom expected = new SeededRandom();
        expected.reseed(7);
        int wins = 0;
        int expectedWins = 0;
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofHours(1));
            wins += buy(null) ? 1 : 0;
            expectedWins += expected.nextDouble() < 0.3 ? 1 : 0;
        }
        assertThat(wins).isEqualTo(expectedWins).isPositive();
        assertThat(completions()).isEqualTo(wins);
    }

    @Test
    void aSurpriseNeedsTheVisitsAndStaysWithinTheMonth() {
        create("surprise", Map.of("probability", 1.0, "minVisits", 3, "maxPerMonth", 2));
        List<Boolean> won = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofHours(1));
            won.add(buy(null));
        }
        assertThat(won).containsExactly(false, false, true, true, false);
    }
}
