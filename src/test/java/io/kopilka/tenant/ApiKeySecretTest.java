package io.kopilka.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.kopilka.shared.TenantId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeySecretTest {
    private static final TenantId TENANT = new TenantId(UUID.fromString("0193a5b2-7c4e-7f00-8a1b-2c3d4e5f6a7b"));
    private static final String HEX = "0193a5b27c4e7f008a1b2c3d4e5f6a7b";

    @Test
    void tenantKeyHasTheDocumentedShape() {
        String key = ApiKeySecret.newTenantKey(TENANT);
        assertThat(key).matches("kp_" + HEX + "_[0-9A-Za-z]{32}");
    }

    @Test
    void tenantOfRoundTrips() {
        for (int i = 0; i < 50; i++) {
            TenantId tenant = new TenantId(UUID.randomUUID());
            assertThat(ApiKeySecret.tenantOf(ApiKeySecret.newTenantKey(tenant))).contains(tenant);
        }
        assertThat(ApiKeySecret.tenantOf(ApiKeySecret.newTenantKey(TENANT))).contains(TENANT);
    }

    @Test
    void keysAreRandom() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            keys.add(ApiKeySecret.newTenantKey(TENANT));
        }
        assertThat(keys).hasSize(200);
    }

    @Test
    void platformKeyIsNotATenantKey() {
        String platform = ApiKeySecret.newPlatformKey();
        assertThat(platform).matches("kpp_[0-9A-Za-z]{40}");
        assertThat(ApiKeySecret.tenantOf(platform)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "kp_",
            "kp_" + HEX,                                            // no separator, no secret
            "kp_" + HEX + "X",                                      // wrong separator
            "kp_" + HEX + "-abcdefabcdefabcdefabcdefabcdefab",
            "kp_0193A5B27C4E7F008A1B2C3D4E5F6A7B_abcdefabcdefabcdefabcdefabcdefab", // upper-case hex
            "kp_0193a5b2-7c4e-7f00-8a1b-2c3d4e5f6a7b_abcdefabcdefabcdefabcdefabcdef", // dashed uuid
            "kp_0193a5b27c4e7f008a1b2c3d4e5f6a7g_abcdefabcdefabcdefabcdefabcdefab", // not hex
            "kp_0193a5b27c4e7f008a1b2c3d4e5f6a_abcdefabcdefabcdefabcdefabcdefab",   // 30 hex digits
            "KP_0193a5b27c4e7f008a1b2c3d4e5f6a7b_abcdefabcdefabcdefabcdefabcdefab", // prefix case
            "xx_0193a5b27c4e7f008a1b2c3d4e5f6a7b_abcdefabcdefabcdefabcdefabcdefab",
            " kp_0193a5b27c4e7f008a1b2c3d4e5f6a7b_abcdefabcdefabcdefabcdefabcdefab",
            "Bearer kp_0193a5b27c4e7f008a1b2c3d4e5f6a7b_abcdefabcdefabcdefabcdefabcdefab",
            "test-platform-key-0123456789"})
    void malformedKeysClaimNoTenant(String key) {
        assertThat(ApiKeySecret.tenantOf(key)).isEmpty();
    }

    @Test
    void hashIsSha256HexAndDeterministic() {
        assertThat(ApiKeySecret.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String key = ApiKeySecret.newTenantKey(TENANT);
        assertThat(ApiKeySecret.hash(key)).isEqualTo(ApiKeySecret.hash(key)).hasSize(64).isNotEqualTo(key);
        assertThat(ApiKeySecret.hash(key)).isNotEqualTo(ApiKeySecret.hash(key + "x"));
    }

    @Test
    void displayHintShowsOnlyTheLastSixCharacters() {
        String key = ApiKeySecret.newTenantKey(TENANT);
        assertThat(ApiKeySecret.displayHint(key)).isEqualTo("…" + key.substring(key.length() - 6));
        assertThat(ApiKeySecret.displayHint(key)).doesNotContain(key.substring(0, 12));
        assertThat(ApiKeySecret.displayHint(ApiKeySecret.newTenantKey(TENANT))).isNotEqualTo(ApiKeySecret.displayHint(key));
    }
}
