package io.kopilka.tenant.internal;

import io.kopilka.shared.Now;
import io.kopilka.tenant.ApiKeySecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key that may create tenants. From {@code KOPILKA_PLATFORM_KEY} when set; otherwise generated
 * on the first start, stored only as a hash, and printed once to the console.
 */
@Component
class PlatformKey {
    private static final Logger log = LoggerFactory.getLogger(PlatformKey.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String configured;
    private volatile List<String> hashes = List.of();
    private volatile boolean loaded;

    PlatformKey(JdbcClient jdbc, Clock clock, @Value("${kopilka.platform-key:}") String configured) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configured = configured;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureExists() {
        if (!configured.isBlank()) {
            hashes = List.of(ApiKeySecret.hash(configured));
            loaded = true;
            return;
        }
        List<String> stored = jdbc.sql("SELECT key_hash FROM platform_key").query(String.class).list();
        if (stored.isEmpty()) {
            String key = ApiKeySecret.newPlatformKey();
            jdbc.sql("INSERT INTO platform_key (key_hash, created_at) VALUES (:hash, :now)")
                    .param("hash", ApiKeySecret.hash(key)).param("now", Timestamp.from(Now.of(clock))).update();
            stored = List.of(ApiKeySecret.hash(key));
            log.warn("""

                    ============================================================
                    Generated the platform key (shown once, only its hash is kept):
                      {}
                    It may only create tenants. Set KOPILKA_PLATFORM_KEY to choose your own.
                    ============================================================""", key);
        }
        hashes = stored;
        loaded = true;
    }

    /** Whether the key is known yet: it is read (or generated) once the application is ready. */
    boolean loaded() {
        return loaded;
    }

    boolean matches(String key) {
        byte[] given = ApiKeySecret.hash(key).getBytes(StandardCharsets.US_ASCII);
        return hashes.stream().anyMatch(h -> MessageDigest.isEqual(h.getBytes(StandardCharsets.US_ASCII), given));
    }
}
