package io.kopilka.shared;

/**
 * The answer to a write that may be a retry: the body, and whether it replays the answer to an
 * earlier request with the same key (HTTP 200 instead of 201).
 */
public record Outcome<T>(T body, boolean replayed) {

    public static <T> Outcome<T> created(T body) {
        return new Outcome<>(body, false);
    }

    public static <T> Outcome<T> replay(T body) {
        return new Outcome<>(body, true);
    }
}
