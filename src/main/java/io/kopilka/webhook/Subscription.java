package io.kopilka.webhook;

import io.kopilka.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as its owner sees it (never its secret).
 *
 * @param status              active or disabled
 * @param disabledReason      why it was disabled, null while active
 * @param failingSince        since when its deliveries have failed without a success, null when they do not
 * @param previousSecretUntil until when the secret before the last rotation still signs, null when none does
 */
public record Subscription(TenantId tenant, UUID id, String url, List<String> events, String description,
                           String status, String disabledReason, Instant failingSince, Instant previousSecretUntil,
                           Instant createdAt, Instant updatedAt) {
    public Subscription {
        events = List.copyOf(events);
    }

    public boolean active() {
        return "active".equals(status);
    }
}
