package io.kopilka.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the {@code *IT} tests: the whole application on a real port, on an embedded PostgreSQL of
 * its own (in target/, thrown away), with a clock the test moves. All ITs share one context, so each
 * test isolates itself by creating its own tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kopilka.data-dir=target/it-data/${random.uuid}",
        "kopilka.db.embedded-durable=false",
        "kopilka.platform-key=" + IntegrationTest.PLATFORM_KEY,
        "server.address=127.0.0.1",
        "kopilka.jobs.enabled=false",
        // The slow hash of staff passwords at its cheapest: tests sign in often, and bcrypt is not what they test.
        "kopilka.staff.password-strength=4"})
// Here, not in @SpringBootTest, so that a subclass's @TestPropertySource can override them (an IT
// of the limits themselves runs in a context of its own with tight ones). Every IT calls from
// 127.0.0.1 and some send many wrong keys or look-ups on purpose: the shared context's limits are
// out of reach.
@TestPropertySource(properties = {
        "kopilka.metrics-token=" + IntegrationTest.METRICS_TOKEN,
        "kopilka.rate.failed-auth-capacity=1000000000",
        "kopilka.rate.key-capacity=1000000000",
        "kopilka.rate.lookup-miss-capacity=1000000000",
        "kopilka.wallet.codes-per-address-hour=1000000000"})
@Import(IntegrationTest.TestClockConfiguration.class)
public abstract class IntegrationTest {
    public static final String PLATFORM_KEY = "test-platform-key-0123456789";
    public static final String METRICS_TOKEN = "test-metrics-token-0123456789";
    public static final Instant START = Instant.parse("2026-11-22T09:00:00Z");

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcClient jdbc;
    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
        clock.set(START);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClockConfiguration {
        @Bean
        MutableClock clock() {
            return new MutableClock(START);
        }

        @Bean
        SeededRandom seededRandom() {
            return new SeededRandom();
        }
    }

    /** A tenant of its own for one test: its id and admin key. */
    public record TestTenant(String id, String adminKey) {
    }

    protected TestTenant newTenant() {
        return newTenant("KZT", "Asia/Almaty", "ru");
    }

    protected TestTenant newTenant(String currency, String timezone, String locale) {
        Api.Response r = api.post(PLATFORM_KEY, "/api/v1/tenants", Map.of("name", "T-" + UUID.randomUUID(),
                "currency", currency, "timezone", timezone, "locale", locale));
        if (r.status() != 201) {
            throw new IllegalStateException("tenant not created: " + r);
        }
        return new TestTenant(r.text("id"), r.text("adminApiKey"));
    }

    /** A phone number no other test uses: KZ mobile range, random subscriber part. */
    protected static String randomPhone() {
        long n = Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L);
        return String.format("+7701%07d", n);
    }

    /** The tenant's slug: its wallet lives at {@code /w/{slug}}. */
    protected String slug(TestTenant tenant) {
        return jdbc.sql("SELECT slug FROM tenant WHERE id = CAST(:id AS uuid)").param("id", tenant.id())
                .query(String.class).single();
    }

    protected String newMember(TestTenant tenant) {
        Api.Response r = api.post(tenant.adminKey(), "/api/v1/members", Map.of("phone", randomPhone()));
        if (r.status() != 201) {
            throw new IllegalStateException("member not created: " + r);
        }
        return r.text("id");
    }

    /** Creates a member from this body and insists on 201; the answer is returned. */
    protected Api.Response newMember(TestTenant tenant, Map<String, ?> body) {
        Api.Response r = api.post(tenant.adminKey(), "/api/v1/members", body);
        if (r.status() != 201) {
            throw new IllegalStateException("member not created: " + r);
        }
        return r;
    }

    /** Issues a key of this role ("admin" or "pos") with the tenant's admin key; returns its text. */
    protected String newKey(TestTenant tenant, String role) {
        Api.Response r = api.post(tenant.adminKey(), "/api/v1/api-keys", Map.of("name", "key " + role, "role", role));
        if (r.status() != 201) {
            throw new IllegalStateException("key not created: " + r);
        }
        return r.text("key");
    }

    /** Rows in the member table for this tenant, erased ones included: proves what was (not) written. */
    protected long memberRows(TestTenant tenant) {
        return jdbc.sql("SELECT count(*) FROM member WHERE tenant_id = :tenant")
                .param("tenant", UUID.fromString(tenant.id())).query(Long.class).single();
    }

    /** A JSON object in the given key order; unlike {@code Map.of} it takes null values. */
    protected static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    protected static String enc(String queryValue) {
        return URLEncoder.encode(queryValue, StandardCharsets.UTF_8);
    }
}
