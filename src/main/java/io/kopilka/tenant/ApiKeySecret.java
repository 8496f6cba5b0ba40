package io.kopilka.tenant;

import io.kopilka.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * API key text: {@code kp_<tenant hex>_<32 random base62 chars>}. Only a SHA-256 hash is stored: the
 * secret part carries ~190 bits of randomness, so a slow password hash would add cost and no safety.
 * The tenant id inside the key lets the look-up use the tenant-keyed unique index.
 */
public final class ApiKeySecret {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TENANT_PREFIX = "kp_";
    private static final String PLATFORM_PREFIX = "kpp_";

    private ApiKeySecret() {
    }

    public static String newTenantKey(TenantId tenant) {
        return TENANT_PREFIX + tenant.value().toString().replace("-", "") + "_" + randomText(32);
    }

    public static String newPlatformKey() {
        return PLATFORM_PREFIX + randomText(40);
    }

    /** The tenant a key claims to belong to; empty when the text is not a tenant key at all. */
    public static Optional<TenantId> tenantOf(String key) {
        if (key == null || !key.startsWith(TENANT_PREFIX) || key.length() < TENANT_PREFIX.length() + 33) {
            return Optional.empty();
        }
        String hex = key.substring(TENANT_PREFIX.length(), TENANT_PREFIX.length() + 32);
        if (key.charAt(TENANT_PREFIX.length() + 32) != '_' || !hex.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        String uuid = hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5");
        return Optional.of(new TenantId(UUID.fromString(uuid)));
    }

    /**
     * What is kept in clear so that an owner can tell keys apart in a list: the last six characters
     * (the start of a key is the tenant id, the same for all of a tenant's keys).
     */
    public static String displayHint(String key) {
        return "…" + key.substring(Math.max(0, key.length() - 6));
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomText(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
