package io.kopilka.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.kopilka.KopilkaApplication;
import io.kopilka.notification.Notice;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NoticeStatus;
import io.kopilka.notification.Notifications;
import io.kopilka.notification.SampleFacts;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.testing.Api;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox's promise with the real application started twice on one data directory: a message queued
 * by an instance that stops before sending it is sent by the next start's poll, exactly once.
 */
class DeliveryAcrossRestartIT {
    private static final String PLATFORM_KEY = "delivery-restart-platform-key-0123456789";
    private static GreenMail smtp;

    @AfterAll
    static void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, boolean sending) {
        return new SpringApplicationBuilder(KopilkaApplication.class).run(
                "--kopilka.data-dir=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--kopilka.platform-key=" + PLATFORM_KEY,
                "--kopilka.smtp.host=127.0.0.1",
                "--kopilka.smtp.port=" + smtp.getSmtp().getPort(),
                "--kopilka.smtp.from=noreply@kopilka.test",
                "--kopilka.smtp.tls=false",
                // The first run queues and stops before anything is sent; the second sends from its poll.
                "--kopilka.notifications.send-on-commit=false",
                "--kopilka.jobs.enabled=" + sending,
                "--kopilka.jobs.notification-dispatch-interval=PT1S");
    }

    @Test
    void aMessageQueuedBeforeAStopIsSentOnceAfterTheRestart() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            smtp = new GreenMail(new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }
        smtp.start();
        Path dataDir = Path.of("target", "delivery-restart-it", UUID.randomUUID().toString()).toAbsolutePath();
        UUID messageId;
        try (ConfigurableApplicationContext first = start(dataDir, false)) {
            Api api = new Api(Integer.parseInt(first.getEnvironment().getRequiredProperty("local.server.port")));
            Api.Response tenant = api.post(PLATFORM_KEY, "/api/v1/tenants",
                    Map.of("name", "Barber Bro", "currency", "KZT", "timezone", "Asia/Almaty"));
            assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
            // These contexts run on the real clock: no quiet hours, so the message may leave at any hour.
            Api.Response noQuiet = api.put(tenant.text("adminApiKey"), "/api/v1/notifications/settings",
                    Map.of("quietHours", Map.of("from", "00:00", "to", "00:00")));
            assertThat(noQuiet.status()).as(noQuiet.toString()).isEqualTo(200);
            Api.Response joined = api.post(tenant.text("adminApiKey"), "/api/v1/members",
                    Map.of("email", "aigerim@example.kz", "consents", Map.of("email", true)));
            assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
            var queued = first.getBean(Notifications.class).notify(new Notice(
                    new TenantId(UUID.fromString(tenant.text("id"))), new MemberId(UUID.fromString(joined.text("id"))),
                    NoticeKind.WELCOME, "join", SampleFacts.of(NoticeKind.WELCOME, Currency.getInstance("KZT"),
                    Instant.now()), Instant.now()));
            assertThat(queued.status()).as(queued.toString()).isEqualTo(NoticeStatus.QUEUED);
            messageId = queued.id();
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();

        try (ConfigurableApplicationContext second = start(dataDir, true)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length >= 1);
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(jdbc
                    .sql("SELECT status FROM notification WHERE id = :id")
                    .param("id", messageId).query(String.class).single()));
            assertThat(second.getBean(Dispatcher.class).dispatchDue()).isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo("<" + messageId + "@kopilka>");
        }
    }
}
