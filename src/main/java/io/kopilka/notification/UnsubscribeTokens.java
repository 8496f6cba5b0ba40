package io.kopilka.notification;

import io.kopilka.shared.TenantId;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The token of an e-mail's unsubscribe link: {@code <tenant id in hex>_<22 random base62 characters>}
 * (131 bits). The tenant is in the text, as in an API key, so the look-up is by tenant like every other;
 * the random part is what nobody can guess. Text of any other shape names no tenant and is not looked up.
 */
public final class UnsubscribeTokens {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_LENGTH = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    private UnsubscribeTokens() {
    }

    public static String next(TenantId tenant) {
        StringBuilder token = new StringBuilder(HexFormat.of().formatHex(bytes(tenant.value()))).append('_');
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    public static Optional<TenantId> tenantOf(String token) {
        if (token == null || token.length() != 32 + 1 + RANDOM_LENGTH || token.charAt(32) != '_') {
            return Optional.empty();
        }
        for (int i = 33; i < token.length(); i++) {
            if (ALPHABET.indexOf(token.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        try {
            byte[] id = HexFormat.of().parseHex(token, 0, 32);
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
                high = high << 8 | (id[i] & 0xff);
                low = low << 8 | (id[i + 8] & 0xff);
            }
            return Optional.of(new TenantId(new UUID(high, low)));
        } catch (IllegalArgumentException notHex) {
            return Optional.empty();
        }
    }

    private static byte[] bytes(UUID id) {
        byte[] out = new byte[16];
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) high;
            out[i + 8] = (byte) low;
            high >>>= 8;
            low >>>= 8;
        }
        return out;
    }
}
