package io.kopilka.tenant;

/** A key was issued, published in its transaction; it carries the key as listed, never its secret. */
public record ApiKeyIssued(Caller by, ApiKey key) {
}
