package io.kopilka.shared.web;

import java.time.Instant;
import java.util.UUID;

/**
 * The cursor of a list ordered by (time, id), newest or oldest first: opaque to callers, and exact
 * (keyset paging), so rows written while someone pages are neither skipped nor repeated.
 */
public record TimeCursor(Instant at, UUID id) {

    /** The cursor a caller sent, or null for the first page; text that is no cursor is 422. */
    public static TimeCursor parse(String text) {
        return CursorText.parse(text, 2, p -> new TimeCursor(Instant.parse(p[0]), UUID.fromString(p[1])));
    }

    public String text() {
        return CursorText.of(at, id);
    }
}
