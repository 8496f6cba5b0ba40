package io.kopilka.notification;

import static io.kopilka.testing.ProblemAssert.assertInvalid;
import static io.kopilka.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The settings endpoint: defaults, replacement, the program's reminder days, the bot's token, bad input. */
class NotificationSettingsIT extends IntegrationTest {
    private static final String PATH = "/api/v1/notifications/settings";
    private static final String TOKEN = "7012345678:AAFmZ3x9kLq2VwTr8sYhJc4pNd6bGe1uXy9Q";

    private JsonNode settings(TestTenant t) {
        Api.Response r = api.get(t.adminKey(), PATH);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void a_new_tenant_has_the_defaults() {
        JsonNode s = settings(newTenant());
        assertThat(s.path("email").asBoolean()).isTrue();
        assertThat(s.path("sms").asBoolean()).isTrue();
        assertThat(s.path("quietHours").path("from").asString()).isEqualTo("21:00");
        assertThat(s.path("quietHours").path("to").asString()).isEqualTo("09:00");
        assertThat(s.path("expiryReminderDays").toString()).isEqualTo("[30,7]");
        assertThat(s.path("balanceReminder").path("everyDays").asInt()).isEqualTo(30);
        assertThat(s.path("balanceReminder").path("minPoints").asLong()).isEqualTo(100);
        assertThat(s.path("maxMarketingPerWeek").asInt()).isEqualTo(2);
        assertThat(s.path("channelOrder").toString()).isEqualTo("[\"telegram\",\"email\",\"sms\"]");
        assertThat(s.path("pointsEarned").asBoolean()).isFalse();
        assertThat(s.path("telegram").isNull()).isTrue();
    }

    @Test
    void a_put_replaces_them_and_the_reminder_days_are_the_programs() {
        TestTenant t = newTenant();
        Api.Response r = api.put(t.adminKey(), PATH, json("email", true, "sms", false,
                "quietHours", Map.of("from", "22:00", "to", "08:30"), "expiryReminderDays", List.of(14, 3, 1),
                "balanceReminder", Map.of("everyDays", 14, "minPoints", 500), "maxMarketingPerWeek", 1,
                "channelOrder", List.of("email", "sms"), "pointsEarned", true,
                "disabledKinds", List.of("welcome", "balance"),
                "telegram", Map.of("username", "@barberbro_bot", "botToken", TOKEN)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode s = settings(t);
        assertThat(s.path("sms").asBoolean()).isFalse();
        assertThat(s.path("quietHours").path("to").asString()).isEqualTo("08:30");
        assertThat(s.path("balanceReminder").path("everyDays").asInt()).isEqualTo(14);
        assertThat(s.path("channelOrder").toString()).isEqualTo("[\"email\",\"sms\"]");
        assertThat(s.path("disabledKinds").toString()).isEqualTo("[\"balance\",\"welcome\"]");
        assertThat(s.path("telegram").path("username").asString()).isEqualTo("barberbro_bot");
        assertThat(s.path("telegram").path("botToken").isNull()).as("never shown back").isTrue();
        assertThat(s.path("telegram").path("botTokenHint").asString()).isEqualTo("…Xy9Q");
        assertThat(api.get(t.adminKey(), "/api/v1/program").json().path("expiryReminderDays").toString())
                .isEqualTo("[14,3,1]");

        // What GET showed, sent back, keeps the bot; quiet hours from midnight to midnight are none.
        Map<String, Object> back = json("telegram", Map.of("username", "barberbro_bot"),
                "quietHours", Map.of("from", "00:00", "to", "00:00"));
        assertThat(api.put(t.adminKey(), PATH, back).status()).isEqualTo(200);
        JsonNode after = settings(t);
        assertThat(after.path("telegram").path("botTokenHint").asString()).isEqualTo("…Xy9Q");
        assertThat(after.path("quietHours").path("from").asString()).isEqualTo("00:00");
        assertThat(after.path("disabledKinds").toString()).as("left out: the default").isEqualTo("[]");
        assertThat(after.path("sms").asBoolean()).as("left out: the default").isTrue();
        assertThat(after.path("expiryReminderDays").toString()).as("left out: the program's stays").isEqualTo("[14,3,1]");

        // Another tenant's settings are its own.
        assertThat(settings(newTenant()).path("telegram").isNull()).isTrue();
    }

    @Test
    void bad_settings_are_refused_each_named_and_nothing_is_written() {
        TestTenant t = newTenant();
        Api.Response r = api.put(t.adminKey(), PATH, json("quietHours", Map.of("from", "25:00", "to", "9"),
                "maxMarketingPerWeek", 99, "channelOrder", List.of("email", "pigeon", "email"),
                "disabledKinds", List.of("spam"), "balanceReminder", Map.of("everyDays", 0, "minPoints", -1),
                "couponReminderDays", 400, "expiryReminderDays", List.of(7, 7),
                "telegram", Map.of("username", "x", "botToken", "nope")));
        assertInvalid(r, "quietHours.from", "quietHours.to", "maxMarketingPerWeek", "channelOrder[1]",
                "channelOrder[2]", "disabledKinds[0]", "balanceReminder.everyDays", "balanceReminder.minPoints",
                "couponReminderDays", "expiryReminderDays", "telegram.username", "telegram.botToken");
        assertInvalid(api.put(t.adminKey(), PATH, json("expiryReminderDays", List.of(400))), "expiryReminderDays");
        assertThat(jdbc.sql("SELECT count(*) FROM notification_settings WHERE tenant_id = :t")
                .param("t", UUID.fromString(t.id())).query(Long.class).single()).isZero();
        assertThat(settings(t).path("expiryReminderDays").toString()).isEqualTo("[30,7]");
        assertProblem(api.send("PUT", t.adminKey(), PATH, "{\"email\": \"maybe\"}", Map.of()), 400,
                "malformed_request");
    }

    @Test
    void a_till_may_not_read_or_change_them() {
        TestTenant t = newTenant();
        String pos = newKey(t, "pos");
        assertProblem(api.get(pos, PATH), 403, "forbidden");
        assertProblem(api.put(pos, PATH, Map.of("sms", false)), 403, "forbidden");
    }
}
