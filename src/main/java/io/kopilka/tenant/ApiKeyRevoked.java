package io.kopilka.tenant;

/** A key was revoked, published in its transaction; not again when it already was revoked. */
public record ApiKeyRevoked(Caller by, ApiKey key) {
}
