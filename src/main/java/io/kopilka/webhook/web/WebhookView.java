package io.kopilka.webhook.web;

import io.kopilka.webhook.Subscription;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A subscription as the API shows it; {@code secret} only in the answers to a creation and a rotation. */
record WebhookView(String id, String url, List<String> events, @Nullable String description,
                   @Schema(allowableValues = {"active", "disabled"}) String status,
                   @Nullable @Schema(description = "Why it was disabled (by its owner, or after 24 hours of failed "
                           + "deliveries)") String disabledReason,
                   @Nullable @Schema(description = "Since when its deliveries have failed without a success")
                   OffsetDateTime failingSince,
                   @Nullable @Schema(description = "Until when the secret before the last rotation still signs "
                           + "beside the new one") OffsetDateTime previousSecretExpiresAt,
                   @Nullable @Schema(description = "`whsec_...`: only in the answer to the creation and to a "
                           + "rotation; keep it, it is not shown again") String secret,
                   OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static WebhookView of(Subscription s, @Nullable String secret, ZoneId zone) {
        return new WebhookView(s.id().toString(), s.url(), s.events(), s.description(), s.status(),
                s.disabledReason(), Times.at(s.failingSince(), zone), Times.at(s.previousSecretUntil(), zone), secret,
                Times.at(s.createdAt(), zone), Times.at(s.updatedAt(), zone));
    }
}
