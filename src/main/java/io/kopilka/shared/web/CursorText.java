package io.kopilka.shared.web;

import io.kopilka.shared.error.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;

/**
 * The text of a keyset cursor: the sort key of the last row a page showed, its parts joined by
 * {@code |} and Base64url-encoded, so callers treat it as opaque and send it back as it is.
 */
public final class CursorText {
    private CursorText() {
    }

    /** Parts must not contain {@code |}: times, ids, numbers and store codes do not. */
    public static String of(Object... parts) {
        String joined = String.join("|", Arrays.stream(parts).map(String::valueOf).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a caller sent, read by {@code read} from exactly {@code count} non-empty parts, or
     * null for the first page. Text that is no such cursor, or that {@code read} rejects, is 422.
     */
    public static <T> T parse(String text, int count, Function<String[], T> read) {
        if (text == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != count || Arrays.stream(parts).anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("not " + count + " parts");
            }
            return read.apply(parts);
        } catch (RuntimeException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor from this list");
        }
    }
}
