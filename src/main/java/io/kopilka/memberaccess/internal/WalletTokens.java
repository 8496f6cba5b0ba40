package io.kopilka.memberaccess.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens and codes, and the hashes they are kept as. */
final class WalletTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private WalletTokens() {
    }

    /** 256 random bits, URL-safe: a session cookie or a sign-in link. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Six digits, each as likely as another (leading zeros kept). */
    static String code() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
