package io.kopilka.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource, from one of two places: the external PostgreSQL named by {@code KOPILKA_DB_URL},
 * or, when that is unset, a PostgreSQL this process starts itself with its files under
 * {@code KOPILKA_DATA_DIR}, so {@code ./mvnw spring-boot:run} works with nothing installed and
 * keeps its data between restarts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) throws IOException {
        if (properties.external()) {
            return EmbeddedDatabase.none();
        }
        Path dir = Path.of(properties.dataDir()).toAbsolutePath().resolve("postgres");
        Files.createDirectories(dir.getParent());
        OrphanedPostgres.stopIfRunning(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (properties.embeddedPort() > 0) {
            builder.setPort(properties.embeddedPort());
        }
        if (properties.embeddedDurable()) {
            // zonky's defaults trade durability for test speed (fsync off); a service's data must
            // survive a power cut, so durability is switched back on explicitly.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        } else {
            // Tests only: their databases are thrown away, so waiting for the disk buys nothing.
            builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {}", postgres.getPort(), dir);
        return EmbeddedDatabase.of(postgres);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        HikariConfig config = new HikariConfig();
        if (properties.external()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        } else {
            config.setJdbcUrl(embedded.getObject().jdbcUrl());
            config.setUsername("postgres");
        }
        config.setMaximumPoolSize(properties.poolSize());
        config.setPoolName("kopilka");
        return new HikariDataSource(config);
    }

    /** The started server, or nothing when an external database is used. Closing it stops PostgreSQL. */
    static final class EmbeddedDatabase implements AutoCloseable {
        private final EmbeddedPostgres postgres;

        private EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null);
        }

        static EmbeddedDatabase of(EmbeddedPostgres postgres) {
            return new EmbeddedDatabase(postgres);
        }

        String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

}
