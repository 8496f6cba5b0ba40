package io.kopilka.notification.internal;

import io.kopilka.notification.NotificationSettings;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads each tenant's bot with {@code getUpdates} (polling, not a webhook: it works behind any NAT, with no
 * public HTTPS address). Run by the {@code telegram-poll} job every few seconds on one instance at a time;
 * {@link #pollOnce()} is public for the tests, where jobs are off.
 */
@Component
public class TelegramPolling {
    private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);
    private static final int BATCH = 100;

    private final TelegramStore store;
    private final SettingsStore settings;
    private final TelegramBotApi api;
    private final TelegramUpdates updates;
    private final Clock clock;

    TelegramPolling(TelegramStore store, SettingsStore settings, TelegramBotApi api, TelegramUpdates updates,
                    Clock clock) {
        this.store = store;
        this.settings = settings;
        this.api = api;
        this.updates = updates;
        this.clock = clock;
    }

    /** One round over every tenant with a bot; answers how many updates were read. */
    public int pollOnce() {
        int read = 0;
        for (TenantId tenant : store.tenantsWithBot()) {
            try {
                read += poll(tenant);
            } catch (RuntimeException e) {
                // One tenant's broken bot must not keep the others' members waiting.
                log.error("Tenant {}: reading the Telegram bot failed", tenant, e);
            }
        }
        return read;
    }

    int poll(TenantId tenant) {
        NotificationSettings.Telegram bot = settings.of(tenant).telegram();
        if (bot == null || bot.botToken() == null) {
            return 0;
        }
        long offset = store.offset(tenant);
        TelegramBotApi.Answer answer;
        try {
            answer = api.call(bot.botToken(), "getUpdates", Map.of("offset", offset, "limit", BATCH, "timeout", 0,
                    "allowed_updates", List.of("message", "my_chat_member")));
        } catch (IOException e) {
            log.warn("Tenant {}: {}", tenant, e.getMessage());
            return 0;
        }
        if (!answer.ok()) {
            // 401: the token was revoked in BotFather; 409: a webhook is set on the bot (getUpdates is refused).
            log.warn("Tenant {}: {} answered {} {}", tenant, TelegramBotApi.redact("getUpdates"), answer.status(),
                    answer.description());
            return 0;
        }
        int read = 0;
        long next = offset;
        for (JsonNode update : answer.body().path("result")) {
            next = Math.max(next, update.path("update_id").asLong() + 1);
            try {
                updates.handle(tenant, bot.botToken(), update);
            } catch (RuntimeException e) {
                log.error("Tenant {}: Telegram update {} could not be handled", tenant, update.path("update_id"), e);
            }
            read++;
        }
        if (next != offset) {
            store.saveOffset(tenant, next, Now.of(clock));
        }
        return read;
    }
}
