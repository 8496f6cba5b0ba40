package io.kopilka.tenant;

/**
 * A store was opened, published in its transaction. {@code tenant} sits below the audit log (which
 * names callers by this module's {@link Caller}), so it tells of its own changes by events.
 */
public record StoreCreated(Caller by, Store store) {
}
