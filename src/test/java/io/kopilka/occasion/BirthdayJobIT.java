package io.kopilka.occasion;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The birthday job: once per member and year however often it runs, on each tenant's own date,
 * 29 February on the 28th in common years, {@code daysBefore}, the coupon form, and members who join
 * on their birthday, before or after the day's run.
 */
class BirthdayJobIT extends IntegrationTest {
    @Autowired
    Occasions occasions;

    private TestTenant tenant(String zone, Map<String, Object> birthday) {
        TestTenant t = newTenant("KZT", zone, "ru");
        Api.Response r = api.put(t.adminKey(), "/api/v1/program", Map.of("birthday", birthday));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return t;
    }

    private String member(TestTenant t, String birthDate) {
        return newMember(t, Map.of("phone", randomPhone(), "birthDate", birthDate)).text("id");
    }

    private JsonNode run(TestTenant t, String job) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/jobs/" + job + "/run", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private long birthdayPoints(TestTenant t, String member) {
        return jdbc.sql("""
                SELECT coalesce(sum(points), 0) FROM ledger_entry
                WHERE tenant_id = :t AND member_id = :m AND type = 'birthday'""")
                .param("t", UUID.fromString(t.id())).param("m", UUID.fromString(member)).query(Long.class).single();
    }

    @Test
    void runTwiceGivesOnceAndOnlyToWhoseBirthdayItIs() {
        // 2026-11-22T09:00Z is the 22nd in Almaty.
        TestTenant t = tenant("Asia/Almaty", Map.of("points", 500));
        TestTenant other = tenant("Asia/Almaty", Map.of("points", 500));
        String today = member(t, "1990-11-22");
        String tomorrow = member(t, "1990-11-23");
        String erased = member(t, "1985-11-22");
        assertThat(api.delete(t.adminKey(), "/api/v1/members/" + erased).status()).isEqualTo(204);
        String elsewhere = member(other, "1990-11-22");

        JsonNode first = run(t, "birthday");
        assertThat(first.path("job").asString()).isEqualTo("birthday");
        assertThat(first.path("processed").asLong()).isEqualTo(1);
        assertThat(first.path("given").path("members").asLong()).isEqualTo(1);
        assertThat(first.path("given").path("points").asLong()).isEqualTo(500);
        JsonNode second = run(t, "birthday");
        assertThat(second.path("given").path("members").asLong()).isZero();

        assertThat(birthdayPoints(t, today)).isEqualTo(500);
        assertThat(birthdayPoints(t, tomorrow)).isZero();
        assertThat(birthdayPoints(t, erased)).isZero();
        assertThat(birthdayPoints(other, elsewhere)).as("another tenant's members are not touched").isZero();
        JsonNode entry = api.get(t.adminKey(), "/api/v1/members/" + today + "/history").json().path("items").get(0);
        assertThat(entry.path("type").asString()).isEqualTo("birthday");
        assertThat(entry.path("note").asString()).startsWith("С днём рождения! Подарок от «T-");
        assertThat(api.get(t.adminKey(), "/api/v1/members/" + today + "/balance").json().path("available").asLong())
                .isEqualTo(500);
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void the29thOfFebruaryIsGivenOnThe28thInACommonYearAndOnThe29thInALeapYear() {
        TestTenant t = tenant("Asia/Almaty", Map.of("points", 300));
        String leapling = member(t, "2000-02-29");
        clock.set(Instant.parse("2027-02-27T12:00:00Z"));
        run(t, "birthday");
        assertThat(birthdayPoints(t, leapling)).isZero();
        clock.set(Instant.parse("2027-02-28T12:00:00Z"));
        run(t, "birthday");
        assertThat(birthdayPoints(t, leapling)).isEqualTo(300);
        clock.set(Instant.parse("2027-03-01T12:00:00Z"));
        run(t, "birthday");
        assertThat(birthdayPoints(t, leapling)).isEqualTo(300);

        clock.set(Instant.parse("2028-02-28T12:00:00Z"));
        run(t, "birthday");
        assertThat(birthdayPoints(t, leapling)).as("2028 is a leap year: not on the 28th").isEqualTo(300);
        clock.set(Instant.parse("2028-02-29T12:00:00Z"));
        run(t, "birthday");
        assertThat(birthdayPoints(t, leapling)).isEqualTo(600);
    }

    @Test
    void eachTenantIsProcessedOnItsOwnDateAfterItsMidnight() {
        TestTenant almaty = tenant("Asia/Almaty", Map.of("points", 100));
        TestTenant newYork = tenant("America/New_York", Map.of("points", 100));
        String a = member(almaty, "1991-11-23");
        String n = member(newYork, "1991-11-23");
        occasions.runDue(clock.instant());
        assertThat(birthdayPoints(almaty, a)).isZero();
        assertThat(birthdayPoints(newYork, n)).isZero();

        clock.set(Instant.parse("2026-11-22T19:30:00Z")); // 00:30 of the 23rd in Almaty, 14:30 of the 22nd in New York
        occasions.runDue(clock.instant());
        assertThat(birthdayPoints(almaty, a)).isEqualTo(100);
        assertThat(birthdayPoints(newYork, n)).isZero();

        clock.set(Instant.parse("2026-11-23T05:30:00Z")); // 00:30 of the 23rd in New York
        occasions.runDue(clock.instant());
        occasions.runDue(clock.instant());
        assertThat(birthdayPoints(almaty, a)).isEqualTo(100);
        assertThat(birthdayPoints(newYork, n)).isEqualTo(100);
    }

    @Test
    void daysBeforeGivesAheadOfTheBirthdayAndNotAgainOnIt() {
        TestTenant t = tenant("Asia/Almaty", Map.of("points", 200, "daysBefore", 3));
        String in3 = member(t, "1995-11-25");
        String in4 = member(t, "1995-11-26");
        String yesterday = member(t, "1995-11-21");
        // Joining on one's birthday, three days after its gift was due: given at joining.
        String todays = member(t, "1995-11-22");
        assertThat(birthdayPoints(t, todays)).isEqualTo(200);
        run(t, "birthday");
        assertThat(birthdayPoints(t, in3)).isEqualTo(200);
        assertThat(birthdayPoints(t, in4)).isZero();
        assertThat(birthdayPoints(t, yesterday)).isZero();
        assertThat(birthdayPoints(t, todays)).isEqualTo(200);
        clock.set(Instant.parse("2026-11-25T09:00:00Z"));
        run(t, "birthday");
        assertThat(birthdayPoints(t, in3)).isEqualTo(200);
        assertThat(birthdayPoints(t, in4)).as("due on the 23rd, caught up").isEqualTo(200);
        assertThat(birthdayPoints(t, yesterday)).isZero();
    }

    @Test
    void theCouponFormGivesACouponValidCouponValidDays() {
        TestTenant t = newTenant();
        Api.Response reward = api.post(t.adminKey(), "/api/v1/rewards", Map.of("name", "Торт", "kind", "gift",
                "couponValidDays", 60));
        assertThat(reward.status()).as(reward.toString()).isEqualTo(201);
        String rewardId = reward.text("id");
        Api.Response unknown = api.put(t.adminKey(), "/api/v1/program",
                Map.of("birthday", Map.of("points", 0, "rewardId", UUID.randomUUID().toString())));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.json().path("errors").toString()).contains("birthday.rewardId");
        Api.Response r = api.put(t.adminKey(), "/api/v1/program",
                Map.of("birthday", Map.of("points", 0, "rewardId", rewardId, "couponValidDays", 14)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("birthdayPoints").asLong()).isZero();
        String m = member(t, "1990-11-22");

        JsonNode done = run(t, "birthday");
        assertThat(done.path("given").path("coupons").asLong()).isEqualTo(1);
        run(t, "birthday");
        JsonNode coupons = api.get(t.adminKey(), "/api/v1/members/" + m + "/coupons").json().path("items");
        assertThat(coupons).hasSize(1);
        assertThat(coupons.get(0).path("source").asString()).isEqualTo("birthday");
        assertThat(coupons.get(0).path("expiresAt").asString()).startsWith("2026-12-06T00:00");
        assertThat(birthdayPoints(t, m)).isZero();
    }

    @Test
    void aMemberWhoJoinsOnTheirBirthdayGetsItBeforeOrAfterTheDaysRun() {
        TestTenant t = tenant("Asia/Almaty", Map.of("points", 500));
        // Before the day's run: the run includes them.
        String early = member(t, "1990-11-22");
        assertThat(birthdayPoints(t, early)).isZero();
        run(t, "birthday");
        assertThat(birthdayPoints(t, early)).isEqualTo(500);
        // After it: given at joining, and the next run gives nothing more.
        String late = member(t, "1990-11-22");
        assertThat(birthdayPoints(t, late)).isEqualTo(500);
        JsonNode again = run(t, "birthday");
        assertThat(again.path("given").path("members").asLong()).isZero();
        assertThat(birthdayPoints(t, late)).isEqualTo(500);
        // A member with another birthday gets nothing at joining.
        assertThat(birthdayPoints(t, member(t, "1990-11-21"))).isZero();
        LedgerInvariant.check(jdbc, UUID.fromString(t.id()));
    }

    @Test
    void birthdayPointsAndBirthdayAreOneValue() {
        TestTenant t = newTenant();
        JsonNode r = api.put(t.adminKey(), "/api/v1/program", Map.of("birthdayPoints", 250)).json();
        assertThat(r.path("birthday").path("points").asLong()).isEqualTo(250);
        assertThat(r.path("birthday").path("couponValidDays").asLong()).isEqualTo(14);
        JsonNode s = api.put(t.adminKey(), "/api/v1/program", Map.of("birthday", Map.of("points", 70))).json();
        assertThat(s.path("birthdayPoints").asLong()).isEqualTo(70);
        assertThat(s.path("winBack").path("afterDays").asLong()).isEqualTo(60);
        assertThat(s.path("winBack").path("oncePerDays").asLong()).isEqualTo(180);
        assertThat(s.path("winBack").path("cadence").isNull()).isTrue();
        Api.Response bad = api.put(t.adminKey(), "/api/v1/program", Map.of("birthday", Map.of("daysBefore", 31),
                "winBack", Map.of("afterDays", 0, "cadence", "0.5")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("errors").toString()).contains("birthday.daysBefore", "winBack.afterDays",
                "winBack.cadence");
    }
}
