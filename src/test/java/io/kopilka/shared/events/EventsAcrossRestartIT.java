package io.kopilka.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kopilka.KopilkaApplication;
import io.kopilka.member.MemberJoined;
import io.kopilka.shared.MemberId;
import io.kopilka.testing.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * The whole promise of a durable event, with the real application started twice on one data
 * directory: a listener that fails leaves its publication owed when the application stops, and
 * the next start delivers it (the resubmission job, on its schedule, as in production), once.
 */
class EventsAcrossRestartIT {
    private static final String PLATFORM_KEY = "events-restart-platform-key-0123456789";

    /** Fails while {@link #failing}; the same class in both runs, so the owed row names it. */
    public static class Listener {
        static volatile boolean failing = true;
        static final List<MemberId> delivered = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        public void on(MemberJoined joined) {
            if (failing) {
                throw new IllegalStateException("the CRM is down");
            }
            delivered.add(joined.member());
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(KopilkaApplication.class, Listener.class).run(
                "--kopilka.data-dir=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--kopilka.platform-key=" + PLATFORM_KEY,
                // Owed at once and looked for every second, so the test need not wait five minutes.
                "--kopilka.jobs.event-resubmission-older-than=PT0S",
                "--kopilka.jobs.event-resubmission-interval=PT1S");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    private static List<String> owed(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT status FROM event_publication WHERE listener_id LIKE :listener")
                .param("listener", "%" + Listener.class.getSimpleName() + "%").query(String.class).list();
    }

    @Test
    void aPublicationAListenerFailedIsDeliveredAfterARestart() {
        Path dataDir = Path.of("target", "events-restart-it", UUID.randomUUID().toString()).toAbsolutePath();
        String member;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = api(first);
            String adminKey = api.post(PLATFORM_KEY, "/api/v1/tenants",
                    Map.of("name", "Barber Bro", "currency", "KZT", "timezone", "Asia/Almaty")).text("adminApiKey");
            Api.Response joined = api.post(adminKey, "/api/v1/members", Map.of("phone", "8 701 123 45 67"));
            assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
            member = joined.text("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> owed(first).contains("FAILED"));
        }
        assertThat(Listener.delivered).isEmpty();

        Listener.failing = false;
        try (ConfigurableApplicationContext second = start(dataDir)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> owed(second).isEmpty());
            assertThat(Listener.delivered).containsExactly(new MemberId(UUID.fromString(member)));
        }
    }
}
