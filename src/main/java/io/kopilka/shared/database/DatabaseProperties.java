package io.kopilka.shared.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database settings, bound from environment variables: {@code KOPILKA_DB_URL}, {@code KOPILKA_DB_USER},
 * {@code KOPILKA_DB_PASSWORD}, {@code KOPILKA_DB_POOL_SIZE}, {@code KOPILKA_DATA_DIR},
 * {@code KOPILKA_DB_EMBEDDED_PORT}, {@code KOPILKA_DB_CONNECTION_TIMEOUT},
 * {@code KOPILKA_DB_EMBEDDED_RESTART_ATTEMPTS}, {@code KOPILKA_DB_EMBEDDED_RESTART_BACKOFF}.
 */
@ConfigurationProperties("kopilka")
record DatabaseProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue Db db) {

    record Db(String url, String user, String password,
              @DefaultValue("20") int poolSize,
              @DefaultValue("0") int embeddedPort,
              @DefaultValue("true") boolean embeddedDurable,
              @DefaultValue("PT30S") Duration connectionTimeout,
              @DefaultValue("5") int embeddedRestartAttempts,
              @DefaultValue("PT1S") Duration embeddedRestartBackoff) {
    }

    boolean external() {
        return db.url() != null && !db.url().isBlank();
    }

    String url() {
        return db.url();
    }

    String user() {
        return db.user();
    }

    String password() {
        return db.password();
    }

    int poolSize() {
        return db.poolSize();
    }

    int embeddedPort() {
        return db.embeddedPort();
    }

    boolean embeddedDurable() {
        return db.embeddedDurable();
    }

    Duration connectionTimeout() {
        return db.connectionTimeout();
    }

    int embeddedRestartAttempts() {
        return db.embeddedRestartAttempts();
    }

    Duration embeddedRestartBackoff() {
        return db.embeddedRestartBackoff();
    }
}
