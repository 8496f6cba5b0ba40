package io.kopilka.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.testing.Api;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away under a running service: the embedded one is killed (kill -9 of the
 * postmaster), an external one is stopped. Health says DOWN at once, requests answer 503 with
 * Retry-After instead of 500 or a hang, and the service comes back by itself: it restarts its
 * embedded server, and its pool reconnects to an external one. Each test runs the whole application
 * on its own (not the shared test context).
 *
 * <p>The deadlines are liveness bounds with a wide margin for a loaded machine (what is measured is
 * in the log lines "... after N ms"), not performance assertions.
 */
class DatabaseOutageIT {
    /** An answer, DOWN included, must come within this after the kill: nothing may wait for a pool timeout. */
    private static final Duration ANSWERS_WITHIN = Duration.ofSeconds(3);
    private static final Duration COMES_BACK_WITHIN = Duration.ofSeconds(90);

    @Test
    void theEmbeddedDatabaseIsRestartedAfterAKill() throws Exception {
        Path dataDir = Path.of("target", "outage-it", "kill-" + UUID.randomUUID()).toAbsolutePath();
        Path pgData = dataDir.resolve("postgres");
        // Durable as in production (a commit is on disk before its answer), and the first restart
        // attempt 5 s after the kill is noticed: a window in which the outage is certain to be seen.
        try (ConfigurableApplicationContext app = EmbeddedDatabaseSecurityIT.start("--kopilka.data-dir=" + dataDir,
                "--kopilka.db.embedded-durable=true", "--kopilka.db.embedded-restart-backoff=PT5S")) {
            Api api = EmbeddedDatabaseSecurityIT.api(app);
            Fixture before = Fixture.create(api);
            List<String> pidFile = Files.readAllLines(pgData.resolve("postmaster.pid"));
            long pid = Long.parseLong(pidFile.getFirst().strip());
            String port = pidFile.get(3).strip();

            ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
            long killed = System.nanoTime();

            Api.Response down = awaitHealth(api, r -> r.status() == 503, ANSWERS_WITHIN);
            log("health DOWN", killed);
            assertThat(down.text("status")).isEqualTo("DOWN");
            assertThat(down.json().path("components").path("db").path("status").asString()).isEqualTo("DOWN");

            // A key in the key cache: the controller's query fails (ProblemDetailsAdvice). The first
            // requests may still be served: a backend outlives its postmaster for a moment. Never a 500.
            Api.Response first = until(() -> api.get(before.adminKey, "/api/v1/members/" + before.memberId),
                    r -> r.status() != 200, left(ANSWERS_WITHIN, killed));
            assertUnavailable(first, killed);
            // A key not seen yet: its look-up in the security filter fails (DatabaseUnavailableFilter).
            // Another pooled connection's backend may also outlive the postmaster for a moment.
            assertUnavailable(until(() -> api.get(before.freshKey, "/api/v1/stores"), r -> r.status() != 200,
                    left(ANSWERS_WITHIN, killed)), killed);
            assertUnavailable(api.post(before.adminKey, "/api/v1/members", Map.of("phone", "+77011230002")), killed);

            Api.Response up = awaitHealth(api, r -> r.status() == 200, COMES_BACK_WITHIN);
            log("health UP again", killed);
            assertThat(up.text("status")).isEqualTo("UP");
            List<String> restarted = Files.readAllLines(pgData.resolve("postmaster.pid"));
            assertThat(Long.parseLong(restarted.getFirst().strip())).as("a new postmaster").isNotEqualTo(pid);
            assertThat(restarted.get(3).strip()).as("on the same port").isEqualTo(port);

            before.assertStillThere(api);
            Api.Response created = api.post(before.adminKey, "/api/v1/members", Map.of("phone", "+77011230003"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        assertThat(pgData.resolve("postmaster.pid")).as("stopped at the end").doesNotExist();
    }

    @Test
    void afterTheLastFailedRestartLivenessIsBroken() throws Exception {
        Path dataDir = Path.of("target", "outage-it", "give-up-" + UUID.randomUUID()).toAbsolutePath();
        Path pgData = dataDir.resolve("postgres");
        try (ConfigurableApplicationContext app = EmbeddedDatabaseSecurityIT.start("--kopilka.data-dir=" + dataDir,
                "--kopilka.db.embedded-restart-attempts=2", "--kopilka.db.embedded-restart-backoff=PT1S")) {
            Api api = EmbeddedDatabaseSecurityIT.api(app);
            assertThat(api.get(null, "/actuator/health/liveness").status()).isEqualTo(200);
            List<String> pidFile = Files.readAllLines(pgData.resolve("postmaster.pid"));
            int port = Integer.parseInt(pidFile.get(3).strip());
            ProcessHandle.of(Long.parseLong(pidFile.getFirst().strip())).orElseThrow().destroyForcibly();
            // Something else takes the port: no restart can succeed.
            try (ServerSocket squatter = bind(port)) {
                Api.Response liveness = awaitHealthAt(api, "/actuator/health/liveness", r -> r.status() == 503,
                        Duration.ofSeconds(60));
                assertThat(liveness.text("status")).isEqualTo("DOWN");
                Api.Response health = api.get(EmbeddedDatabaseSecurityIT.METRICS_TOKEN, "/actuator/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().path("components").path("db").path("status").asString()).isEqualTo("DOWN");
            }
        }
    }

    @Test
    void anExternalDatabaseIsReconnectedToWhenItComesBack() throws Exception {
        Path pgData = Path.of("target", "outage-it", "external-" + UUID.randomUUID()).toAbsolutePath();
        EmbeddedPostgres external = externalServer(pgData, 0);
        int port = external.getPort();
        try (ConfigurableApplicationContext app = EmbeddedDatabaseSecurityIT.start(
                "--kopilka.db.url=jdbc:postgresql://127.0.0.1:" + port + "/postgres", "--kopilka.db.user=postgres",
                "--kopilka.db.connection-timeout=PT2S")) {
            Api api = EmbeddedDatabaseSecurityIT.api(app);
            Fixture before = Fixture.create(api);

            external.close(); // pg_ctl stop -m fast
            long stopped = System.nanoTime();
            awaitHealth(api, r -> r.status() == 503, ANSWERS_WITHIN);
            log("health DOWN", stopped);
            // The pool's own timeout (2 s here) bounds the wait; then 503, not 500.
            Api.Response refused = api.get(before.adminKey, "/api/v1/members/" + before.memberId);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.code()).isEqualTo("database_unavailable");
            assertThat(refused.header("Retry-After")).isNotBlank();

            external = externalServer(pgData, port);
            awaitHealth(api, r -> r.status() == 200, COMES_BACK_WITHIN);
            log("health UP again", stopped);
            // Nothing kept the dead state: the pool made new connections by itself.
            until(() -> api.get(before.adminKey, "/api/v1/members/" + before.memberId), r -> r.status() == 200,
                    COMES_BACK_WITHIN);
            before.assertStillThere(api);
        } finally {
            external.close();
        }
    }

    /** A tenant with a store, a member, and a second admin key that was never used (so not cached). */
    private record Fixture(String adminKey, String freshKey, String memberId, Api.Response member) {
        static Fixture create(Api api) {
            Api.Response tenant = api.post(EmbeddedDatabaseSecurityIT.PLATFORM_KEY, "/api/v1/tenants",
                    Map.of("name", "Outage", "currency", "KZT", "timezone", "Asia/Almaty"));
            assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
            String adminKey = tenant.text("adminApiKey");
            assertThat(api.post(adminKey, "/api/v1/stores", Map.of("code", "dostyk", "name", "Dostyk")).status())
                    .isEqualTo(201);
            String freshKey = api.post(adminKey, "/api/v1/api-keys", Map.of("name", "spare", "role", "admin"))
                    .text("key");
            Api.Response created = api.post(adminKey, "/api/v1/members", Map.of("phone", "+77011230001"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.text("id");
            return new Fixture(adminKey, freshKey, id, api.get(adminKey, "/api/v1/members/" + id));
        }

        void assertStillThere(Api api) {
            Api.Response read = api.get(adminKey, "/api/v1/members/" + memberId);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json()).isEqualTo(member.json());
            Api.Response stores = api.get(freshKey, "/api/v1/stores");
            assertThat(stores.status()).as(stores.toString()).isEqualTo(200);
            assertThat(stores.json().path("items")).hasSize(1);
        }
    }

    private static void assertUnavailable(Api.Response r, long since) {
        long ms = Duration.ofNanos(System.nanoTime() - since).toMillis();
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("database_unavailable");
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(Duration.ofMillis(ms)).as("answered after %d ms from the kill", ms).isLessThan(ANSWERS_WITHIN);
        System.out.printf("DatabaseOutageIT: 503 after %d ms: %s%n", ms, r.body());
    }

    private static Api.Response awaitHealth(Api api, Predicate<Api.Response> wanted, Duration within) {
        return awaitHealthAt(api, "/actuator/health", wanted, within);
    }

    private static Api.Response awaitHealthAt(Api api, String path, Predicate<Api.Response> wanted, Duration within) {
        return until(() -> api.get(EmbeddedDatabaseSecurityIT.METRICS_TOKEN, path), wanted, within);
    }

    /** Asks until the answer is the wanted one; fails after {@code within}. A liveness bound, not a timing test. */
    private static Api.Response until(Callable<Api.Response> call, Predicate<Api.Response> wanted, Duration within) {
        return Awaitility.await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(call, wanted::test);
    }

    private static EmbeddedPostgres externalServer(Path pgData, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(pgData)
                .setCleanDataDirectory(false).setServerConfig("listen_addresses", "127.0.0.1");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** What is left of {@code within} since {@code since}; at least a moment, for one more look (assertUnavailable holds the bound). */
    private static Duration left(Duration within, long since) {
        Duration left = within.minusNanos(System.nanoTime() - since);
        return left.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : left;
    }

    /** Binds the port once the killed server's socket has closed. */
    private static ServerSocket bind(int port) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(20)).until(() -> tryBind(port), socket -> socket != null);
    }

    private static ServerSocket tryBind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException stillTaken) {
            socket.close();
            return null;
        }
    }

    private static void log(String what, long since) {
        System.out.printf("DatabaseOutageIT: %s after %d ms%n", what, Duration.ofNanos(System.nanoTime() - since)
                .toMillis());
    }
}
