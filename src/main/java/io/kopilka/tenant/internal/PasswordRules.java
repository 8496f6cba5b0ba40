package io.kopilka.tenant.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a staff password must be: long rather than clever (NIST SP 800-63B), and within what bcrypt
 * reads (72 bytes; a longer one would be cut silently, so it is refused instead).
 */
final class PasswordRules {
    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private PasswordRules() {
    }

    /** The message key of what is wrong with the password; empty when it will do. */
    static Optional<String> problem(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("too_short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("too_long");
        }
        if (password.isBlank() || password.strip().equalsIgnoreCase(email)
                || password.chars().distinct().count() < 4) {
            return Optional.of("too_simple");
        }
        return Optional.empty();
    }
}
