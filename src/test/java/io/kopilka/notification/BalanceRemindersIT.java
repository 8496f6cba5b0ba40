package io.kopilka.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Balance reminders end to end: who has enough points and no recent reminder is told, with the goal; a rerun
 * and the next days tell nobody again until {@code everyDays} have passed; the weekly limit holds.
 */
class BalanceRemindersIT extends IntegrationTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private TestTenant tenant() {
        TestTenant t = newTenant("KZT", "Asia/Almaty", "ru");
        Api.Response s = api.put(t.adminKey(), "/api/v1/notifications/settings", Map.of(
                "balanceReminder", Map.of("everyDays", 30, "minPoints", 100), "disabledKinds", List.of("welcome")));
        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        return t;
    }

    private String member(TestTenant t, long points, boolean marketing) {
        String member = newMember(t, Map.of("phone", randomPhone(), "email", "m-" + UUID.randomUUID() + "@example.kz",
                "consents", Map.of("email", true, "marketing", marketing))).text("id");
        if (points > 0) {
            Api.Response r = api.post(t.adminKey(), "/api/v1/members/" + member + "/adjustments",
                    Map.of("points", points, "reason", "seed"));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        return member;
    }

    private JsonNode run(TestTenant t) {
        Api.Response r = api.post(t.adminKey(), "/api/v1/jobs/balance_reminders/run", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("job")).isEqualTo("balance_reminders");
        return r.json();
    }

    private List<JsonNode> balanceNotices(TestTenant t, String member) {
        Api.Response r = api.get(t.adminKey(), "/api/v1/notifications?kind=balance&memberId=" + member);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }

    private String today() {
        return "balance:" + LocalDate.ofInstant(clock.instant(), ALMATY);
    }

    @Test
    void membersWithEnoughPointsAreToldOnceAPeriodWithTheirGoal() {
        TestTenant t = tenant();
        String saver = member(t, 540, true);
        String poor = member(t, 99, true);
        Api.Response goal = api.put(t.adminKey(), "/api/v1/members/" + saver + "/goal",
                Map.of("name", "Семейный ужин", "targetPoints", 1000));
        assertThat(goal.status()).as(goal.toString()).isEqualTo(200);

        JsonNode first = run(t);
        assertThat(first.path("processed").asLong()).as("only members with 100 points or more").isEqualTo(1);
        assertThat(first.path("given").path("members").asLong()).isEqualTo(1);
        List<JsonNode> told = balanceNotices(t, saver);
        assertThat(told).hasSize(1);
        JsonNode notice = told.getFirst();
        assertThat(notice.path("occasion").asString()).isEqualTo(today());
        assertThat(notice.path("language").asString()).isEqualTo("ru");
        assertThat(notice.path("body").asString()).contains("540 баллов").contains("Семейный ужин")
                .contains("осталось 460 баллов");
        assertThat(balanceNotices(t, poor)).as("below the minimum").isEmpty();

        assertThat(run(t).path("given").path("members").asLong()).as("a rerun tells nobody twice").isZero();
        clock.advance(Duration.ofDays(29));
        assertThat(run(t).path("given").path("members").asLong()).as("29 days later: not yet").isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(run(t).path("given").path("members").asLong()).as("30 days later: again").isEqualTo(1);
        assertThat(balanceNotices(t, saver)).hasSize(2).extracting(n -> n.path("occasion").asString())
                .contains(today());
    }

    @Test
    void aMemberWithoutAGoalOrConsentOrOverTheWeeklyLimitGetsNothingSent() {
        TestTenant t = tenant();
        String plain = member(t, 150, true);
        String noConsent = member(t, 150, false);
        String busy = member(t, 150, true);
        for (String kind : List.of("birthday", "win_back")) {
            // Two marketing messages this week already: the limit of the defaults.
            jdbc.sql("""
                    INSERT INTO notification (tenant_id, id, member_id, kind, occasion, purpose, channel, recipient,
                           language, status, created_at, scheduled_for, sent_at, updated_at)
                    VALUES (:t, :id, :m, :kind, 'earlier', 'marketing', 'email', 'x@example.kz', 'ru', 'sent',
                           :at, :at, :at, :at)""")
                    .param("t", UUID.fromString(t.id())).param("id", UUID.randomUUID())
                    .param("m", UUID.fromString(busy)).param("kind", kind)
                    .param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(2)))).update();
        }

        assertThat(run(t).path("given").path("members").asLong()).isEqualTo(3);
        JsonNode toPlain = balanceNotices(t, plain).getFirst();
        assertThat(toPlain.path("body").asString()).contains("150 баллов").doesNotContain("До цели");
        assertThat(balanceNotices(t, noConsent).getFirst().path("status").asString()).isEqualTo("suppressed");
        assertThat(balanceNotices(t, noConsent).getFirst().path("reason").asString()).isEqualTo("no_marketing_consent");
        JsonNode toBusy = balanceNotices(t, busy).getFirst();
        assertThat(toBusy.path("status").asString()).isEqualTo("suppressed");
        assertThat(toBusy.path("reason").asString()).isEqualTo("weekly_limit");

        clock.advance(Duration.ofDays(7));
        assertThat(run(t).path("given").path("members").asLong())
                .as("a reminder held back is not tried again every day, but after the period").isZero();
    }

    @Test
    void aTenantWithTheReminderOffIsNotRead() {
        TestTenant t = newTenant("KZT", "Asia/Almaty", "ru");
        Api.Response s = api.put(t.adminKey(), "/api/v1/notifications/settings", Map.of("disabledKinds",
                List.of("welcome", "balance")));
        assertThat(s.status()).as(s.toString()).isEqualTo(200);
        member(t, 500, true);
        JsonNode report = run(t);
        assertThat(report.path("processed").asLong()).isZero();
        assertThat(report.path("given").path("members").asLong()).isZero();
    }
}
