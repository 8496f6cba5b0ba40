package io.kopilka.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The program's welcomePoints: a `welcome` entry written with the member, expiring by the program's policy. */
class WelcomePointsIT extends IntegrationTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private TestTenant tenant;
    private String key;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        key = tenant.adminKey();
    }

    private void program(Map<String, Object> settings) {
        Api.Response r = api.put(key, "/api/v1/program", settings);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private JsonNode history(String member) {
        Api.Response r = api.get(key, "/api/v1/members/" + member + "/history");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("items");
    }

    private JsonNode balance(String member) {
        return api.get(key, "/api/v1/members/" + member + "/balance").json();
    }

    private long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE tenant_id = :t").param("t", UUID.fromString(tenant.id()))
                .query(Long.class).single();
    }

    @Test
    void welcomePointsExpireAfterEarningInTheTenantsCalendar() {
        program(Map.of("welcomePoints", 150, "expiry", Map.of("mode", "after_earn", "months", 12)));
        String member = newMember(tenant);

        JsonNode items = history(member);
        assertThat(items.size()).isEqualTo(1);
        JsonNode welcome = items.get(0);
        assertThat(welcome.path("type").asString()).isEqualTo("welcome");
        assertThat(welcome.path("points").asLong()).isEqualTo(150);
        assertThat(OffsetDateTime.parse(welcome.path("createdAt").asString()).toInstant()).isEqualTo(START);
        OffsetDateTime expiresAt = OffsetDateTime.parse(welcome.path("expiresAt").asString());
        assertThat(expiresAt.toInstant()).isEqualTo(START.atZone(ALMATY).plusMonths(12).toInstant());
        assertThat(expiresAt.getOffset().getTotalSeconds()).as("shown in the tenant's zone").isEqualTo(5 * 3600);

        JsonNode b = balance(member);
        assertThat(b.path("available").asLong()).isEqualTo(150);
        assertThat(b.path("expiring").size()).isEqualTo(1);
        assertThat(b.path("expiring").get(0).path("points").asLong()).isEqualTo(150);
        assertThat(OffsetDateTime.parse(b.path("expiring").get(0).path("expiresAt").asString()).toInstant())
                .isEqualTo(expiresAt.toInstant());
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));

        clock.set(expiresAt.toInstant().minusSeconds(1));
        assertThat(balance(member).path("available").asLong()).isEqualTo(150);
        clock.set(expiresAt.toInstant());
        assertThat(balance(member).path("available").asLong()).isZero();
    }

    @Test
    void aMonthIsACalendarMonthTheLastOfJanuaryExpiresOnTheLastOfFebruary() {
        program(Map.of("welcomePoints", 10, "expiry", Map.of("mode", "after_earn", "months", 1)));
        clock.set(Instant.parse("2027-01-31T10:00:00Z")); // 15:00 in Almaty
        String member = newMember(tenant);
        assertThat(OffsetDateTime.parse(history(member).get(0).path("expiresAt").asString()))
                .isEqualTo(OffsetDateTime.parse("2027-02-28T15:00:00+05:00"));
    }

    @Test
    void withoutExpiryWelcomePointsNeverExpire() {
        program(Map.of("welcomePoints", 100));
        String member = newMember(tenant);
        JsonNode welcome = history(member).get(0);
        assertThat(welcome.path("type").asString()).isEqualTo("welcome");
        assertThat(welcome.path("expiresAt").isNull()).as(welcome.toString()).isTrue();
        assertThat(balance(member).path("expiring").size()).isZero();
    }

    @Test
    void afterInactivityTheyExpireThatLongAfterJoining() {
        program(Map.of("welcomePoints", 100, "expiry", Map.of("mode", "after_inactivity", "months", 3)));
        String member = newMember(tenant);
        assertThat(OffsetDateTime.parse(history(member).get(0).path("expiresAt").asString()).toInstant())
                .isEqualTo(START.atZone(ALMATY).plusMonths(3).toInstant());
    }

    @Test
    void withoutWelcomePointsAJoiningMemberGetsNoEntry() {
        String before = newMember(tenant);
        assertThat(history(before).size()).isZero();
        assertThat(balance(before).path("available").asLong()).isZero();
        assertThat(entries()).isZero();

        // Turning the bonus on later gives it to those who join from then on, not retroactively.
        program(Map.of("welcomePoints", 100));
        assertThat(history(before).size()).isZero();
        String after = newMember(tenant);
        assertThat(history(after).size()).isEqualTo(1);
        // ...and turning it off again stops it.
        program(Map.of("welcomePoints", 0));
        assertThat(history(newMember(tenant)).size()).isZero();
        assertThat(entries()).isEqualTo(1);
        LedgerInvariant.check(jdbc, UUID.fromString(tenant.id()));
    }

    @Test
    void aMemberJoiningAtTheTillGetsItTooAndARefusedJoinGetsNothing() {
        program(Map.of("welcomePoints", 100));
        String pos = newKey(tenant, "pos");
        String phone = randomPhone();
        Api.Response joined = api.post(pos, "/api/v1/members", Map.of("phone", phone));
        assertThat(joined.status()).isEqualTo(201);
        assertThat(balance(joined.text("id")).path("available").asLong()).isEqualTo(100);

        Api.Response again = api.post(pos, "/api/v1/members", Map.of("phone", phone));
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.post(key, "/api/v1/members", Map.of("phone", "not a phone")).status()).isEqualTo(422);
        assertThat(entries()).as("one bonus, for the one member who joined").isEqualTo(1);
        assertThat(balance(joined.text("id")).path("available").asLong()).isEqualTo(100);
    }
}
