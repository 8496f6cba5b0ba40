package io.kopilka.shared.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.Driver;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The "db" health component, answering within a few seconds whatever the database does.
 *
 * <p>Spring Boot's own indicator borrows a pool connection, and with the database gone that waits
 * for the pool's whole connection timeout (30 s): the health endpoint did not answer in time, and a
 * probe cannot tell "down" from "slow". Here, a known-down embedded server is DOWN at once; otherwise
 * a connection of its own (not the pool's, so a busy pool never makes a healthy database look down)
 * is opened with short timeouts and runs {@code SELECT 1}.
 */
final class DatabaseHealthIndicator implements HealthIndicator {
    /** Seconds (pgjdbc's unit): to open the socket, to log in, and for the query. */
    private static final String CONNECT_TIMEOUT = "2";
    private static final String LOGIN_AND_QUERY_TIMEOUT = "3";
    private static final Driver DRIVER = new Driver();

    private final String url;
    private final Properties properties = new Properties();
    private final EmbeddedPostgresServer embedded;

    DatabaseHealthIndicator(String url, String user, String password, EmbeddedPostgresServer embedded) {
        this.url = url;
        this.embedded = embedded;
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", CONNECT_TIMEOUT);
        properties.setProperty("loginTimeout", LOGIN_AND_QUERY_TIMEOUT);
        properties.setProperty("socketTimeout", LOGIN_AND_QUERY_TIMEOUT);
        properties.setProperty("ApplicationName", "kopilka-health");
    }

    @Override
    public Health health() {
        String unavailable = embedded == null ? null : embedded.unavailable();
        if (unavailable != null) {
            return Health.down().withDetail("database", "PostgreSQL").withDetail("error", unavailable).build();
        }
        try (Connection c = DRIVER.connect(url, properties); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return Health.up().withDetail("database", "PostgreSQL").withDetail("validationQuery", "SELECT 1").build();
        } catch (SQLException | RuntimeException e) {
            if (embedded != null) {
                embedded.checkNow(); // from now on requests are refused too, not served by a dying backend
            }
            return Health.down(e).withDetail("database", "PostgreSQL").build();
        }
    }
}
