package io.kopilka.notification.internal;

import io.kopilka.notification.NotificationSettings;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.database.ChangeNotifications;
import io.kopilka.shared.database.TenantCache;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant's notification settings, one JSON document each ({@link StoredSettings}); the defaults until
 * the owner saves some. Cached per tenant: a purchase asks whether points are announced, and must not
 * pay a statement for the answer.
 */
@Repository
class SettingsStore {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TenantCache<NotificationSettings> cache;

    SettingsStore(JdbcClient jdbc, JsonMapper json, Clock clock, ChangeNotifications changes) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.cache = new TenantCache<>("notification-settings", changes);
    }

    NotificationSettings of(TenantId tenant) {
        return cache.get(tenant, this::load);
    }

    /** Saves (the caller validated them) in the caller's transaction; every instance's cache drops them on commit. */
    NotificationSettings save(TenantId tenant, NotificationSettings settings) {
        jdbc.sql("""
                INSERT INTO notification_settings (tenant_id, settings, updated_at)
                VALUES (:tenant, CAST(:settings AS jsonb), :now)
                ON CONFLICT (tenant_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = EXCLUDED.updated_at""")
                .param("tenant", tenant.value()).param("settings", json.writeValueAsString(StoredSettings.of(settings)))
                .param("now", Timestamp.from(Now.of(clock))).update();
        cache.changed(tenant);
        return load(tenant);
    }

    private NotificationSettings load(TenantId tenant) {
        return jdbc.sql("SELECT settings::text FROM notification_settings WHERE tenant_id = :tenant")
                .param("tenant", tenant.value()).query(String.class).optional()
                .map(text -> json.readValue(text, StoredSettings.class).toSettings())
                .orElseGet(NotificationSettings::defaults);
    }
}
