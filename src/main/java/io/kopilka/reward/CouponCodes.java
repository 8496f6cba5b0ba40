package io.kopilka.reward;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Coupon codes: {@value #LENGTH} characters of an alphabet without look-alikes (no 0/O, 1/I/L),
 * about 59 bits of chance, so a code cannot be guessed; shown in groups of four
 * ("K7M2-9QXD-4TRW") and accepted in any case, with or without dashes and spaces.
 */
public final class CouponCodes {
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 12;
    private static final int GROUP = 4;

    private CouponCodes() {
    }

    /** A new code in canonical form; {@code random} must be a secure one (the codes are bearer tokens). */
    public static String next(RandomGenerator random) {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** The bits of chance in a code. */
    public static double entropyBits() {
        return LENGTH * Math.log(ALPHABET.length()) / Math.log(2);
    }

    /** The canonical form of a code as someone typed it; empty for text that can be no code. */
    public static Optional<String> canonical(String typed) {
        if (typed == null || typed.length() > 40) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
            code.append(c);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }

    /** How members read a canonical code: groups of four joined by dashes. */
    public static String display(String canonical) {
        StringBuilder shown = new StringBuilder(canonical.length() + canonical.length() / GROUP);
        for (int i = 0; i < canonical.length(); i++) {
            if (i > 0 && i % GROUP == 0) {
                shown.append('-');
            }
            shown.append(canonical.charAt(i));
        }
        return shown.toString();
    }
}
