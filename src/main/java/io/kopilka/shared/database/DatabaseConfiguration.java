package io.kopilka.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource, from one of two places: the external PostgreSQL named by {@code KOPILKA_DB_URL},
 * or, when that is unset, a PostgreSQL this process starts itself with its files under
 * {@code KOPILKA_DATA_DIR}, so {@code ./mvnw spring-boot:run} works with nothing installed and
 * keeps its data between restarts (see {@link EmbeddedPostgresServer}: passwords and a
 * non-superuser role).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) throws IOException {
        if (properties.external()) {
            return EmbeddedDatabase.none();
        }
        Path dir = Path.of(properties.dataDir()).toAbsolutePath().resolve("postgres");
        return new EmbeddedDatabase(EmbeddedPostgresServer.start(dir, properties.embeddedPort(),
                serverConfig(properties)));
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

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        HikariConfig config = new HikariConfig();
        if (properties.external()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        } else {
            EmbeddedPostgresServer server = embedded.getObject().server();
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.serviceRole());
            config.setPassword(server.servicePassword());
        }
        config.setMaximumPoolSize(properties.poolSize());
        config.setPoolName("kopilka");
        return new HikariDataSource(config);
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
