package io.kopilka.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.KopilkaApplication;
import io.kopilka.testing.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded PostgreSQL keeps its files under KOPILKA_DATA_DIR: stop the application, start it
 * again on the same directory, and everything is still there. Runs the real application twice, on
 * its own (not the shared test context), with durable settings as in production.
 */
class RestartIT {
    private static final String PLATFORM_KEY = "restart-platform-key-0123456789";

    private static ConfigurableApplicationContext start(Path dataDir) {
        // Command-line arguments, because they outrank application.properties (server.port=8080).
        return new SpringApplicationBuilder(KopilkaApplication.class).run(
                "--kopilka.data-dir=" + dataDir,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--kopilka.platform-key=" + PLATFORM_KEY);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dataDir = Path.of("target", "restart-it", UUID.randomUUID().toString()).toAbsolutePath();
        String adminKey;
        String posKey;
        Api.Response member;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = api(first);
            Api.Response tenant = api.post(PLATFORM_KEY, "/api/v1/tenants",
                    Map.of("name", "Barber Bro", "currency", "KZT", "timezone", "Asia/Almaty", "locale", "ru"));
            assertThat(tenant.status()).as(tenant.toString()).isEqualTo(201);
            adminKey = tenant.text("adminApiKey");
            assertThat(api.post(adminKey, "/api/v1/stores", Map.of("code", "dostyk", "name", "Dostyk")).status())
                    .isEqualTo(201);
            posKey = api.post(adminKey, "/api/v1/api-keys", Map.of("name", "till 1", "role", "pos", "storeCode",
                    "dostyk")).text("key");
            Api.Response created = api.post(posKey, "/api/v1/members", Map.of("phone", "8 701 123 45 67",
                    "name", "Aigerim", "attributes", Map.of("kids", 2)));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            // As stored (the 201 answer's timestamps carry nanoseconds the database does not keep).
            member = api.get(adminKey, "/api/v1/members/" + created.text("id"));
        }

        // The first run's PostgreSQL has stopped cleanly: its files are there, its lock is gone.
        Path pgData = dataDir.resolve("postgres");
        assertThat(pgData.resolve("PG_VERSION")).exists();
        assertThat(Files.exists(pgData.resolve("postmaster.pid"))).as("postmaster.pid left behind").isFalse();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = api(second);
            Api.Response byPhone = api.get(adminKey, "/api/v1/members?phone=%2B77011234567");
            assertThat(byPhone.status()).as(byPhone.toString()).isEqualTo(200);
            assertThat(byPhone.json()).isEqualTo(member.json());
            assertThat(api.get(posKey, "/api/v1/members?card=" + member.text("cardNumber")).text("id"))
                    .isEqualTo(member.text("id"));
            Api.Response stores = api.get(adminKey, "/api/v1/stores");
            assertThat(stores.json().path("items")).hasSize(1);
            assertThat(stores.json().path("items").get(0).path("name").asString()).isEqualTo("Dostyk");
            assertThat(api.get(adminKey, "/api/v1/api-keys").json().path("items")).hasSize(2);
            // And it keeps working: a second member, a second tenant.
            assertThat(api.post(adminKey, "/api/v1/members", Map.of("phone", "+77011234568")).status()).isEqualTo(201);
            assertThat(api.post(adminKey, "/api/v1/members", Map.of("phone", "87011234567")).code())
                    .isEqualTo("member_exists");
            assertThat(api.post(PLATFORM_KEY, "/api/v1/tenants",
                    Map.of("name", "Second", "currency", "KZT", "timezone", "Asia/Almaty")).status()).isEqualTo(201);
        }
        assertThat(Files.exists(pgData.resolve("postmaster.pid"))).isFalse();
    }
}
