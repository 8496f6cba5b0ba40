package io.kopilka.webhook.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

final class Times {
    private Times() {
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
