package io.kopilka.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.kopilka.testing.Api;
import io.kopilka.testing.IntegrationTest;
import io.kopilka.testing.LedgerInvariant;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service killed (SIGKILL) while batches of purchases are being written: no purchase it
 * acknowledged is lost, none is half-written. The packaged jar runs as a process of its own on this
 * test's database, 16 tills send purchases to it, and it is killed once it has answered 150 of them,
 * with the rest in flight. Started again, it answers every acknowledged externalId's retry with 200
 * and the first answer to the letter; every purchase in the database has all its lines and its
 * points, and the ledger's invariant holds.
 */
class PurchaseCrashIT extends IntegrationTest {
    private static final Path JAR = Path.of("target/kopilka.jar");
    private static final String SERVICE_PLATFORM_KEY = "crash-test-platform-key-0123456789";
    private static final int TILLS = 16;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 150;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataSource dataSource;

    @Test
    void aKillMidBatchLosesNoAcknowledgedPurchaseAndLeavesNoneHalfWritten() throws Exception {
        assertThat(JAR).as("the packaged jar (./mvnw verify packages it before the integration tests)").exists();
        int servicePort = freePort();
        Path dataDir = Files.createTempDirectory("kopilka-crash");
        Process first = start(servicePort, dataDir);
        Api service = new Api(servicePort);
        String key;
        List<String> members = new ArrayList<>();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Map<String, Object>> bodies = new ConcurrentHashMap<>();
        UUID tenantId;
        try {
            awaitHealthy(servicePort);
            Api.Response tenant = service.post(SERVICE_PLATFORM_KEY, "/api/v1/tenants",
                    Map.of("name", "Crash", "currency", "KZT", "timezone", "Asia/Almaty", "locale", "ru"));
            assertThat(tenant.status()).isEqualTo(201);
            key = tenant.text("adminApiKey");
            tenantId = UUID.fromString(tenant.text("id"));
            service.put(key, "/api/v1/program", Map.of("welcomePoints", 1000, "maxRedeemShare", "1"));
            service.post(key, "/api/v1/stores", Map.of("code", "main"));
            service.post(key, "/api/v1/rules", Map.of("name", "5%", "kind", "points_percent", "percent", "5"));
            for (int i = 0; i < 40; i++) {
                Api.Response m = service.post(key, "/api/v1/members", Map.of("phone", randomPhone()));
                assertThat(m.status()).isEqualTo(201);
                members.add(m.text("id"));
            }

            AtomicBoolean killed = new AtomicBoolean();
            AtomicInteger serverErrors = new AtomicInteger();
            try (ExecutorService tills = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < TILLS; t++) {
                    int till = t;
                    tills.submit(() -> {
                        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                        for (int n = 0; !killed.get() && n < 10_000; n++) {
                            String externalId = "till" + till + "-" + n;
                            Map<String, Object> body = Map.of("externalId", externalId, "storeCode", "main",
                                    "member", Map.of("id", members.get((till * 7 + n) % members.size())),
                                    "redeemPoints", n % 3 == 0 ? 10 : 0,
                                    "items", List.of(Map.of("sku", "A", "quantity", 1, "unitPrice", "1000")));
                            bodies.put(externalId, body);
                            try {
                                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                                URI.create("http://127.0.0.1:" + servicePort + "/api/v1/purchases"))
                                        .header("Authorization", "Bearer " + key)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                                        .build(), HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() == 201) {
                                    acknowledged.put(externalId, r.body());
                                } else if (r.statusCode() >= 500) {
                                    serverErrors.incrementAndGet();
                                }
                            } catch (IOException | InterruptedException gone) {
                                return null; // the service is dead: this till stops
                            }
                        }
                        return null;
                    });
                }
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                        .until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);
                first.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful anything
                first.waitFor();
                killed.set(true);
            }
            assertThat(serverErrors.get()).isZero();
            assertThat(acknowledged.size()).isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        } finally {
            first.destroyForcibly();
        }

        Process second = start(servicePort, dataDir);
        try {
            awaitHealthy(servicePort);
            for (var e : acknowledged.entrySet()) {
                Api.Response retry = service.post(key, "/api/v1/purchases", bodies.get(e.getKey()));
                assertThat(retry.status()).as("retry of %s", e.getKey()).isEqualTo(200);
                assertThat(retry.body()).as("retry of %s", e.getKey()).isEqualTo(e.getValue());
            }
            // The purchases in flight at the kill, never answered: each one committed before it is
            // replayed; each one not is recorded now, once.
            for (var e : bodies.entrySet()) {
                if (acknowledged.containsKey(e.getKey())) {
                    continue;
                }
                long rows = jdbc.sql("SELECT COUNT(*) FROM purchase WHERE tenant_id = :t AND external_id = :e")
                        .param("t", tenantId).param("e", e.getKey()).query(Long.class).single();
                Api.Response retry = service.post(key, "/api/v1/purchases", e.getValue());
                assertThat(retry.status()).as("retry of unanswered %s (%d rows)", e.getKey(), rows)
                        .isEqualTo(rows == 1 ? 200 : 201);
            }
        } finally {
            second.destroyForcibly();
            second.waitFor();
        }

        // Nothing half-written: every purchase has all its lines (one each here) and, for a member, its
        // earned points in the ledger; whatever was in flight is either all there or not at all.
        Long withoutLines = jdbc.sql("""
                SELECT COUNT(*) FROM purchase p WHERE p.tenant_id = :t
                  AND NOT EXISTS (SELECT 1 FROM purchase_item i WHERE i.tenant_id = p.tenant_id AND i.purchase_id = p.id)""")
                .param("t", tenantId).query(Long.class).single();
        Long withoutPoints = jdbc.sql("""
                SELECT COUNT(*) FROM purchase p WHERE p.tenant_id = :t AND p.points_earned > 0
                  AND NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.tenant_id = p.tenant_id AND e.purchase_id = p.id
                                  AND e.type = 'earn')""")
                .param("t", tenantId).query(Long.class).single();
        Long entriesWithoutPurchase = jdbc.sql("""
                SELECT COUNT(*) FROM ledger_entry e WHERE e.tenant_id = :t AND e.purchase_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM purchase p WHERE p.tenant_id = e.tenant_id AND p.id = e.purchase_id)""")
                .param("t", tenantId).query(Long.class).single();
        assertThat(withoutLines).isZero();
        assertThat(withoutPoints).isZero();
        assertThat(entriesWithoutPurchase).isZero();
        Long recorded = jdbc.sql("SELECT COUNT(*) FROM purchase WHERE tenant_id = :t").param("t", tenantId)
                .query(Long.class).single();
        assertThat(recorded).isGreaterThanOrEqualTo(acknowledged.size());
        LedgerInvariant.check(jdbc, tenantId);
    }

    /** The packaged service on this test's database, as a process of its own. */
    private Process start(int port, Path dataDir) throws IOException {
        HikariDataSource db = (HikariDataSource) dataSource;
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString());
        Map<String, String> env = pb.environment();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("KOPILKA_DB_URL", db.getJdbcUrl());
        env.put("KOPILKA_DB_USER", db.getUsername());
        env.put("KOPILKA_DB_PASSWORD", db.getPassword() == null ? "" : db.getPassword());
        env.put("KOPILKA_PLATFORM_KEY", SERVICE_PLATFORM_KEY);
        env.put("KOPILKA_DATA_DIR", dataDir.toString());
        pb.redirectErrorStream(true).redirectOutput(dataDir.resolve("service-" + System.nanoTime() + ".log").toFile());
        return pb.start();
    }

    private static void awaitHealthy(int port) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build();
        // Not listening yet is an IOException: ignored until the service answers 200.
        await("the service healthy on port " + port).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
