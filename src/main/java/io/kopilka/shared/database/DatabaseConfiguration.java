package io.kopilka.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource, from one of two places: the external PostgreSQL named by {@code KOPILKA_DB_URL},
 * or, when that is unset, a PostgreSQL this process starts itself with its files under
 * {@code KOPILKA_DATA_DIR}, so {@code ./mvnw spring-boot:run} works with nothing installed and
 * keeps its data between restarts (see {@link SecuredDataDirectory}: passwords and a non-superuser
 * role, and {@link EmbeddedPostgresServer}: a watchdog that restarts it).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties, ApplicationEventPublisher events)
            throws IOException {
        if (properties.external()) {
            return EmbeddedDatabase.none();
        }
        Path dir = Path.of(properties.dataDir()).toAbsolutePath().resolve("postgres");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, properties.embeddedPort(),
                serverConfig(properties), properties.embeddedRestartAttempts(), properties.embeddedRestartBackoff());
        // Given up: the process is alive but useless; a supervisor watching liveness restarts it.
        server.onGiveUp(() -> AvailabilityChangeEvent.publish(events, server, LivenessState.BROKEN));
        return new EmbeddedDatabase(server);
    }

    private static Map<String, String> serverConfig(DatabaseProperties properties) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("timezone", "UTC");
        config.put("max_connections", "200");
        config.put("listen_addresses", "127.0.0.1");
        config.put("password_encryption", "scram-sha-256");
        String durable = properties.embeddedDurable() ? "on" : "off";
        // zonky's defaults trade durability for test speed (fsync off); a service's data must survive
        // a power cut, so durability is switched back on explicitly. Tests only turn it off: their
        // databases are thrown away, so waiting for the disk buys nothing.
        config.put("fsync", durable);
        config.put("synchronous_commit", durable);
        config.put("full_page_writes", durable);
        return config;
    }

    /** Where the service connects, and as whom: the external database, or the embedded server's service role. */
    private record Target(String url, String user, String password, EmbeddedPostgresServer server) {
        static Target of(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
            if (properties.external()) {
                return new Target(properties.url(), properties.user(), properties.password(), null);
            }
            EmbeddedPostgresServer server = embedded.getObject().server();
            return new Target(server.jdbcUrl(), server.serviceRole(), server.servicePassword(), server);
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        Target target = Target.of(properties, embedded);
        EmbeddedPostgresServer server = target.server();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(target.url());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(properties.poolSize());
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        config.setPoolName("kopilka");
        GuardedDataSource dataSource = new GuardedDataSource(config, server);
        if (server != null) {
            // Connections to the server that died are dead: close them now rather than fail a request each
            // (or, for a backend that outlives its postmaster for a moment, serve one by chance).
            server.onDown(dataSource::evictConnections);
            server.onRestart(dataSource::evictConnections);
        }
        return dataSource;
    }

    /** Replaces Spring Boot's "db" indicator, which waits for a pool connection (up to the pool's timeout). */
    @Bean
    HealthIndicator dbHealthIndicator(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        Target target = Target.of(properties, embedded);
        return new DatabaseHealthIndicator(target.url(), target.user(), target.password(), target.server());
    }

    /**
     * The pool, refusing at once while the embedded server is known to be down: a request then fails
     * in microseconds (and answers 503) instead of waiting the pool's connection timeout for a server
     * that is being restarted. With an external database it is the plain pool.
     */
    static final class GuardedDataSource extends HikariDataSource {
        private static final long WAIT_SLICE_MS = 250;
        private final EmbeddedPostgresServer server;

        GuardedDataSource(HikariConfig config, EmbeddedPostgresServer server) {
            super(config);
            this.server = server;
        }

        /** Closes the idle connections now and the busy ones when they are returned; nothing before the pool starts. */
        void evictConnections() {
            var pool = getHikariPoolMXBean();
            if (pool != null) {
                pool.softEvictConnections();
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            String unavailable = server == null ? null : server.unavailable();
            if (unavailable != null) {
                throw new SQLTransientConnectionException(unavailable, "08001");
            }
            if (server == null || !(getHikariPoolMXBean() instanceof HikariPool pool)) {
                return super.getConnection();
            }
            // The pool's timeout in slices: a request that began to wait just before the server was
            // known to be down (its watchdog looks every few hundred milliseconds) gives up at the next
            // slice and answers 503, instead of waiting the whole timeout for a server being restarted.
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(getConnectionTimeout());
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                try {
                    return pool.getConnection(Math.max(1, Math.min(WAIT_SLICE_MS, left)));
                } catch (SQLTransientConnectionException timedOut) {
                    String down = server.unavailable();
                    if (down != null) {
                        throw new SQLTransientConnectionException(down, "08001", timedOut);
                    }
                    if (left <= WAIT_SLICE_MS) {
                        throw timedOut;
                    }
                }
            }
        }
    }

    /** The started server, or nothing when an external database is used. Closing it stops PostgreSQL. */
    static final class EmbeddedDatabase implements AutoCloseable {
        private final EmbeddedPostgresServer server;

        private EmbeddedDatabase(EmbeddedPostgresServer server) {
            this.server = server;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null);
        }

        /** The server; only when the database is embedded. */
        EmbeddedPostgresServer server() {
            if (server == null) {
                throw new IllegalStateException("the database is external (KOPILKA_DB_URL)");
            }
            return server;
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }
}
