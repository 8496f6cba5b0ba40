package io.kopilka.program;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static io.kopilka.testing.ProblemAssert.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** GET and PUT /api/v1/program: the documented defaults, every refusal by field, versions. */
class ProgramSettingsIT extends IntegrationTest {
    private TestTenant tenant;
    private String key;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        key = tenant.adminKey();
    }

    private JsonNode program() {
        Api.Response r = api.get(key, "/api/v1/program");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private long programRows() {
        return jdbc.sql("SELECT COUNT(*) FROM program WHERE tenant_id = :t").param("t", UUID.fromString(tenant.id()))
                .query(Long.class).single();
    }

    @Test
    void defaultsAreExactlyAsDocumented() {
        JsonNode p = program();
        assertThat(p.path("pointValue").isString()).as("money is a string: %s", p).isTrue();
        assertThat(p.path("pointValue").asString()).isEqualTo("1.00");
        assertThat(p.path("maxRedeemShare").isString()).isTrue();
        assertThat(p.path("maxRedeemShare").asString()).isEqualTo("0.30");
        assertThat(p.path("minRedeemPoints").isIntegralNumber()).isTrue();
        assertThat(p.path("minRedeemPoints").asLong()).isZero();
        assertThat(p.path("pendingDays").asInt()).isZero();
        assertThat(p.path("expiry").path("mode").asString()).isEqualTo("none");
        assertThat(p.path("expiryReminderDays").isArray()).isTrue();
        assertThat(p.path("expiryReminderDays").get(0).asInt()).isEqualTo(30);
        assertThat(p.path("expiryReminderDays").get(1).asInt()).isEqualTo(7);
        assertThat(p.path("expiryReminderDays").size()).isEqualTo(2);
        assertThat(p.path("welcomePoints").asLong()).isZero();
        assertThat(p.path("birthdayPoints").asLong()).isZero();
        assertThat(p.path("referral").path("referrerPoints").asLong()).isZero();
        assertThat(p.path("referral").path("refereePoints").asLong()).isZero();
        assertThat(p.path("referral").path("qualifyingSpend").isString()).isTrue();
        assertThat(p.path("referral").path("qualifyingSpend").asString()).isEqualTo("0.00");
        assertThat(p.path("maxBackdateDays").asInt()).isEqualTo(30);
        assertThat(p.path("staffGifts").path("pointsPerKeyPerDay").isIntegralNumber()).isTrue();
        assertThat(p.path("staffGifts").path("pointsPerKeyPerDay").asLong()).isZero();
        assertThat(p.path("staffGifts").path("rewardIds").isArray()).isTrue();
        assertThat(p.path("staffGifts").path("rewardIds").size()).isZero();
        assertThat(p.path("version").asLong()).isZero();
        assertThat(programRows()).as("reading writes nothing").isZero();
    }

    @Test
    void aPutReplacesTheProgramMissingFieldsTakeDefaultsAndTheVersionGoesUp() {
        Api.Response first = api.put(key, "/api/v1/program", Map.of("pointValue", "2.50", "maxRedeemShare", "0.5",
                "expiry", Map.of("mode", "after_earn", "months", 12), "welcomePoints", 100,
                "expiryReminderDays", List.of(14)));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("version").asLong()).isEqualTo(1);
        JsonNode p = program();
        assertThat(p.path("pointValue").asString()).isEqualTo("2.50");
        assertThat(p.path("maxRedeemShare").asString()).isEqualTo("0.5");
        assertThat(p.path("expiry").path("mode").asString()).isEqualTo("after_earn");
        assertThat(p.path("expiry").path("months").asInt()).isEqualTo(12);
        assertThat(p.path("expiryReminderDays").size()).isEqualTo(1);
        assertThat(p.path("welcomePoints").asLong()).isEqualTo(100);
        assertThat(p.path("version").asLong()).isEqualTo(1);

        // A PUT replaces the whole: what it leaves out goes back to the default.
        Api.Response second = api.put(key, "/api/v1/program", Map.of("pendingDays", 14));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        p = program();
        assertThat(p.path("version").asLong()).isEqualTo(2);
        assertThat(p.path("pendingDays").asInt()).isEqualTo(14);
        assertThat(p.path("pointValue").asString()).isEqualTo("1.00");
        assertThat(p.path("welcomePoints").asLong()).isZero();
        assertThat(p.path("expiry").path("mode").asString()).isEqualTo("none");

        assertThat(api.put(key, "/api/v1/program", Map.of()).json().path("version").asLong()).isEqualTo(3);
        assertThat(program().path("version").asLong()).isEqualTo(3);
    }

    @Test
    void staffGiftsAreSavedAndAPartLeftOutTakesItsDefault() {
        String reward = java.util.UUID.randomUUID().toString();
        Api.Response r = api.put(key, "/api/v1/program", Map.of("staffGifts",
                Map.of("pointsPerKeyPerDay", 500, "rewardIds", List.of(reward))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(program().path("staffGifts").path("pointsPerKeyPerDay").asLong()).isEqualTo(500);
        assertThat(program().path("staffGifts").path("rewardIds").get(0).asString()).isEqualTo(reward);

        assertThat(api.put(key, "/api/v1/program", Map.of("staffGifts", Map.of("pointsPerKeyPerDay", 20)))
                .status()).isEqualTo(200);
        assertThat(program().path("staffGifts").path("pointsPerKeyPerDay").asLong()).isEqualTo(20);
        assertThat(program().path("staffGifts").path("rewardIds").size()).isZero();
        assertThat(api.put(key, "/api/v1/program", Map.of()).status()).isEqualTo(200);
        assertThat(program().path("staffGifts").path("pointsPerKeyPerDay").asLong()).isZero();
    }

    @Test
    void moneyMayAlsoBeSentAsAJsonNumber() {
        Api.Response r = api.put(key, "/api/v1/program", "{\"pointValue\": 0.5, \"maxRedeemShare\": 1}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(program().path("pointValue").isString()).isTrue();
        assertThat(new java.math.BigDecimal(program().path("pointValue").asString())).isEqualByComparingTo("0.5");
        assertThat(new java.math.BigDecimal(program().path("maxRedeemShare").asString())).isEqualByComparingTo("1");
    }

    static List<Object[]> badSettings() {
        return List.of(
                new Object[] {Map.of("pointValue", "-1.00"), "pointValue"},
                new Object[] {Map.of("pointValue", "0"), "pointValue"},
                new Object[] {Map.of("pointValue", "0.00001"), "pointValue"},
                new Object[] {Map.of("pointValue", "1000000.01"), "pointValue"},
                new Object[] {Map.of("maxRedeemShare", "1.01"), "maxRedeemShare"},
                new Object[] {Map.of("maxRedeemShare", "-0.1"), "maxRedeemShare"},
                new Object[] {Map.of("minRedeemPoints", -1), "minRedeemPoints"},
                new Object[] {Map.of("pendingDays", 400), "pendingDays"},
                new Object[] {Map.of("pendingDays", -1), "pendingDays"},
                new Object[] {Map.of("expiry", Map.of("mode", "sometimes", "months", 12)), "expiry.mode"},
                new Object[] {Map.of("expiry", Map.of("mode", "after_earn")), "expiry.months"},
                new Object[] {Map.of("expiry", Map.of("mode", "after_inactivity", "months", 0)), "expiry.months"},
                new Object[] {Map.of("expiry", Map.of("mode", "after_earn", "months", 121)), "expiry.months"},
                new Object[] {Map.of("expiryReminderDays", List.of(0)), "expiryReminderDays"},
                new Object[] {Map.of("expiryReminderDays", List.of(30, 366)), "expiryReminderDays"},
                new Object[] {Map.of("expiryReminderDays", List.of(1, 2, 3, 4, 5, 6)), "expiryReminderDays"},
                new Object[] {Map.of("welcomePoints", -1), "welcomePoints"},
                new Object[] {Map.of("welcomePoints", 1_000_000_001L), "welcomePoints"},
                new Object[] {Map.of("birthdayPoints", -5), "birthdayPoints"},
                new Object[] {Map.of("birthday", Map.of("points", -5)), "birthdayPoints"},
                new Object[] {Map.of("birthday", Map.of("couponValidDays", 0)), "birthday.couponValidDays"},
                new Object[] {Map.of("birthday", Map.of("rewardId", "no-such-reward")), "birthday.rewardId"},
                new Object[] {Map.of("winBack", Map.of("oncePerDays", 0)), "winBack.oncePerDays"},
                new Object[] {Map.of("winBack", Map.of("points", -1)), "winBack.points"},
                new Object[] {Map.of("winBack", Map.of("cadence", "11")), "winBack.cadence"},
                new Object[] {Map.of("winBack", Map.of("rewardId", "no-such-reward")), "winBack.rewardId"},
                new Object[] {Map.of("referral", Map.of("referrerPoints", -1)), "referral"},
                new Object[] {Map.of("referral", Map.of("qualifyingSpend", "-1.00")), "referral"},
                new Object[] {Map.of("maxBackdateDays", 400), "maxBackdateDays"},
                new Object[] {Map.of("maxBackdateDays", -1), "maxBackdateDays"},
                new Object[] {Map.of("staffGifts", Map.of("pointsPerKeyPerDay", -1)), "staffGifts.pointsPerKeyPerDay"},
                new Object[] {Map.of("staffGifts", Map.of("pointsPerKeyPerDay", 1_000_000_001L)),
                        "staffGifts.pointsPerKeyPerDay"},
                new Object[] {Map.of("staffGifts", Map.of("rewardIds", List.of("a", "a"))), "staffGifts.rewardIds"},
                new Object[] {Map.of("staffGifts", Map.of("rewardIds", List.of(" "))), "staffGifts.rewardIds"},
                new Object[] {Map.of("staffGifts", Map.of("rewardIds", List.of("x".repeat(101)))),
                        "staffGifts.rewardIds"},
                new Object[] {Map.of("staffGifts", Map.of("rewardIds",
                        java.util.stream.IntStream.range(0, 101).mapToObj(i -> "r" + i).toList())),
                        "staffGifts.rewardIds"});
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("badSettings")
    void eachBadSettingIsRefusedByNameAndNothingIsWritten(Map<String, Object> body, String field) {
        api.put(key, "/api/v1/program", Map.of("welcomePoints", 7));
        JsonNode before = program();

        Api.Response r = api.put(key, "/api/v1/program", body);
        assertInvalid(r, field);
        assertThat(errorFields(r)).as(r.toString()).containsExactly(field);

        assertThat(program()).isEqualTo(before);
    }

    @Test
    void everyBadFieldIsReportedInOneAnswer() {
        Api.Response r = api.put(key, "/api/v1/program", Map.of("pointValue", "-1", "maxRedeemShare", "2",
                "pendingDays", 400, "expiryReminderDays", List.of(0), "welcomePoints", -1, "maxBackdateDays", 400,
                "expiry", Map.of("mode", "after_earn")));
        assertInvalid(r, "pointValue", "maxRedeemShare", "pendingDays", "expiryReminderDays", "welcomePoints",
                "maxBackdateDays", "expiry.months");
        assertThat(programRows()).isZero();
    }

    @Test
    void anUnknownExpiryModeHidesTheOtherBadFields() {
        Api.Response r = api.put(key, "/api/v1/program", Map.of("pointValue", "-1", "pendingDays", 400,
                "expiry", Map.of("mode", "sometimes")));
        assertInvalid(r, "expiry.mode", "pointValue", "pendingDays");
    }

    @Test
    void malformedOrMistypedJsonIs400AndWritesNothing() {
        api.put(key, "/api/v1/program", Map.of("welcomePoints", 7));
        JsonNode before = program();
        for (String body : List.of("{\"welcomePoints\": ", "not json", "{\"pointValue\": \"lots\"}",
                "{\"pendingDays\": \"soon\"}", "{\"expiryReminderDays\": 30}", "{\"expiry\": \"none\"}",
                "[1, 2]")) {
            Api.Response r = api.put(key, "/api/v1/program", body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.code()).isNotBlank();
        }
        assertThat(program()).isEqualTo(before);
    }

    @Test
    void aFractionalWholeNumberIsRefusedNotTruncated() {
        api.put(key, "/api/v1/program", Map.of("welcomePoints", 7));
        JsonNode before = program();
        for (String body : List.of("{\"welcomePoints\": 10.7}", "{\"pendingDays\": 1.5}")) {
            Api.Response r = api.put(key, "/api/v1/program", body);
            assertThat(r.status()).as(body + " → " + r).isIn(400, 422);
        }
        assertThat(program()).isEqualTo(before);
    }

    @Test
    void aPosKeyMayNeitherReadNorChangeTheProgram() {
        String pos = newKey(tenant, "pos");
        assertProblem(api.get(pos, "/api/v1/program"), 403, "forbidden");
        assertProblem(api.put(pos, "/api/v1/program", Map.of("welcomePoints", 100)), 403, "forbidden");
        assertThat(programRows()).isZero();
        assertThat(program().path("welcomePoints").asLong()).isZero();
    }

    @Test
    void eachTenantHasItsOwnProgram() {
        TestTenant other = newTenant();
        assertThat(api.put(other.adminKey(), "/api/v1/program", Map.of("welcomePoints", 500)).status()).isEqualTo(200);
        assertThat(api.put(newKey(other, "admin"), "/api/v1/program", Map.of("welcomePoints", 600)).status())
                .isEqualTo(200);
        assertThat(program().path("welcomePoints").asLong()).isZero();
        assertThat(program().path("version").asLong()).isZero();
        assertThat(api.get(other.adminKey(), "/api/v1/program").json().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aReplayedPutWithTheSameKeyChangesTheVersionOnce() {
        Map<String, String> header = Map.of("Idempotency-Key", "prog-1");
        Api.Response a = api.send("PUT", key, "/api/v1/program", Map.of("welcomePoints", 10), header);
        Api.Response b = api.send("PUT", key, "/api/v1/program", Map.of("welcomePoints", 10), header);
        assertThat(a.status()).isEqualTo(200);
        assertThat(b.status()).isEqualTo(200);
        assertThat(b.json()).isEqualTo(a.json());
        assertThat(program().path("version").asLong()).isEqualTo(1);
        assertProblem(api.send("PUT", key, "/api/v1/program", Map.of("welcomePoints", 11), header), 409,
                "idempotency_conflict");
        assertThat(program().path("welcomePoints").asLong()).isEqualTo(10);
    }
}
