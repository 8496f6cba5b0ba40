package io.kopilka.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238's own test vectors (appendix B, HMAC-SHA1, the last six of its eight digits). */
class TotpCodesTest {
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theRfcVectors() {
        assertThat(TotpCodes.code(SECRET, TotpCodes.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(TotpCodes.code(SECRET, TotpCodes.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(TotpCodes.code(SECRET, TotpCodes.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void typedCodes() {
        assertThat(TotpCodes.clean("123 456")).isEqualTo("123456");
        assertThat(TotpCodes.clean("12345")).isNull();
        assertThat(TotpCodes.clean("abcdef")).isNull();
        assertThat(TotpCodes.clean(null)).isNull();
    }
}
