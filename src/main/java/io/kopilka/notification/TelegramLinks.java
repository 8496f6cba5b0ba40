package io.kopilka.notification;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import java.time.Duration;
import java.time.Instant;

/** One-time links that connect a member's Telegram chat to the tenant's bot. */
public interface TelegramLinks {
    /** How long a start link works. */
    Duration VALID_FOR = Duration.ofHours(24);

    /**
     * A new start link for the member ({@code https://t.me/<bot>?start=<token>}), good once, for {@link #VALID_FOR};
     * 409 {@code telegram_not_configured} when the tenant has no bot, 409 {@code member_erased}.
     */
    StartLink create(TenantId tenant, MemberId member);

    record StartLink(String url, Instant expiresAt) {
    }
}
