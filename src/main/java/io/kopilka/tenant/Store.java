package io.kopilka.tenant;

import java.time.Instant;

/** A point of sale of a tenant: a shop, a salon, a web shop. Identified by its code. */
public record Store(String code, String name, Instant createdAt) {
    /** What a code may be: letters, digits, '.', '_' or '-', 1 to 64 of them (the table checks it too). */
    public static final String CODE_PATTERN = "^[A-Za-z0-9_.-]{1,64}$";
}
