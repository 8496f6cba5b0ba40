package io.kopilka.tenant.internal;

import io.kopilka.tenant.ApiKeySecret;
import java.security.SecureRandom;
import java.util.Base64;

/** One-time link tokens: 192 random bits, URL-safe; only their SHA-256 is stored. */
final class StaffTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffTokens() {
    }

    static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return ApiKeySecret.hash(token);
    }
}
