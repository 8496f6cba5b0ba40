package io.kopilka.confirmation;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes as RFC 6238 makes them (HMAC-SHA1, 30-second steps, 6 digits), the ones
 * authenticator apps make: a step is counted from the Unix epoch, so the wallet and the till agree
 * without talking.
 */
public final class TotpCodes {
    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP,
            DIGITS);

    private TotpCodes() {
    }

    /** The step {@code at} falls in. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The code of a step, zero-padded to six digits. */
    public static String code(byte[] secret, long step) {
        try {
            return GENERATOR.generateOneTimePasswordString(new SecretKeySpec(secret, GENERATOR.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP.toSeconds()));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("a TOTP secret HMAC refused", e);
        }
    }

    /** Whether text is six digits (spaces people put between groups left out): a code worth checking at all. */
    public static String clean(String typed) {
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("[\\s-]", "");
        return digits.matches("[0-9]{" + DIGITS + "}") ? digits : null;
    }
}
