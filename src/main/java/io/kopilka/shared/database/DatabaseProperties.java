package io.kopilka.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database settings, bound from environment variables: {@code KOPILKA_DB_URL}, {@code KOPILKA_DB_USER},
 * {@code KOPILKA_DB_PASSWORD}, {@code KOPILKA_DB_POOL_SIZE}, {@code KOPILKA_DATA_DIR},
 * {@code KOPILKA_DB_EMBEDDED_PORT}.
 */
@ConfigurationProperties("kopilka")
record DatabaseProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue Db db) {

    record Db(String url, String user, String password,
              @DefaultValue("20") int poolSize,
              @DefaultValue("0") int embeddedPort,
              @DefaultValue("true") boolean embeddedDurable) {
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
}
