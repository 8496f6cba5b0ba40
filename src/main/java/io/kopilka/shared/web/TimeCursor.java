package io.kopilka.shared.web;

import io.kopilka.shared.error.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The cursor of a list ordered newest first by (time, id): opaque to callers, and exact (keyset
 * paging), so rows written while someone pages are neither skipped nor repeated.
 */
public record TimeCursor(Instant at, UUID id) {

    /** The cursor a caller sent, or null for the first page; text that is no cursor is 422. */
    public static TimeCursor parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            return new TimeCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor from this list");
        }
    }

    public String text() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
