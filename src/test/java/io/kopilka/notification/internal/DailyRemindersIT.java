package io.kopilka.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.shared.TenantId;
import io.kopilka.shared.jobs.TenantJob.Report;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reminders' schedule: each tenant once a local day, after 10:00 in its own zone. */
class DailyRemindersIT extends IntegrationTest {
    @Autowired
    DailyReminders daily;

    @Test
    void eachTenantRunsOnceADayAfterTenInItsOwnZone() {
        TestTenant almaty = newTenant("KZT", "Asia/Almaty", "ru");
        TestTenant moscow = newTenant("RUB", "Europe/Moscow", "ru");
        String member = newMember(almaty);
        Api.Response seed = api.post(almaty.adminKey(), "/api/v1/members/" + member + "/adjustments",
                Map.of("points", 500, "reason", "seed"));
        assertThat(seed.status()).as(seed.toString()).isEqualTo(201);
        TenantId a = new TenantId(UUID.fromString(almaty.id()));
        TenantId m = new TenantId(UUID.fromString(moscow.id()));

        clock.set(Instant.parse("2026-11-23T04:30:00Z")); // 09:30 in Almaty, 07:30 in Moscow
        assertThat(daily.runDue(clock.instant())).doesNotContainKeys(a, m);

        clock.set(Instant.parse("2026-11-23T05:30:00Z")); // 10:30 in Almaty, 08:30 in Moscow
        Map<TenantId, List<Report>> first = daily.runDue(clock.instant());
        assertThat(first).containsKey(a).doesNotContainKey(m);
        assertThat(first.get(a)).extracting(Report::job)
                .containsExactly("expiry_reminders", "balance_reminders", "coupon_reminders");
        assertThat(first.get(a).get(1).given()).containsEntry("members", 1L);

        clock.advance(Duration.ofHours(1));
        assertThat(daily.runDue(clock.instant())).as("the same day again: nothing").doesNotContainKey(a);

        clock.set(Instant.parse("2026-11-23T07:15:00Z")); // 10:15 in Moscow
        assertThat(daily.runDue(clock.instant())).containsKey(m).doesNotContainKey(a);

        clock.set(Instant.parse("2026-11-24T05:05:00Z")); // the next day in Almaty
        assertThat(daily.runDue(clock.instant())).containsKey(a);
        assertThat(jdbc.sql("SELECT reminders_done FROM notification_day WHERE tenant_id = :t")
                .param("t", a.value()).query(java.time.LocalDate.class).single())
                .isEqualTo(java.time.LocalDate.of(2026, 11, 24));
    }
}
