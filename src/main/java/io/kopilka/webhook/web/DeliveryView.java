package io.kopilka.webhook.web;

import io.kopilka.webhook.Delivery;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** One event owed to a subscription and how its attempts went. */
record DeliveryView(String id, @Schema(description = "The `webhook-id` header: the same on every attempt")
                    String eventId, String type,
                    @Schema(allowableValues = {"pending", "delivered", "failed"}) String status, int attempts,
                    @Nullable Integer lastStatusCode, @Nullable String lastError,
                    @Nullable OffsetDateTime nextAttemptAt, OffsetDateTime createdAt,
                    @Nullable OffsetDateTime deliveredAt) {

    static DeliveryView of(Delivery d, ZoneId zone) {
        return new DeliveryView(d.id().toString(), d.eventId(), d.type(), d.status(), d.attempts(),
                d.lastStatusCode(), d.lastError(), Times.at(d.nextAttemptAt(), zone), Times.at(d.createdAt(), zone),
                Times.at(d.deliveredAt(), zone));
    }
}
