package io.kopilka.shared;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * What any text or number a caller sends may be, before a module looks at what it means. PostgreSQL
 * cannot store a NUL in text, and a lone UTF-16 surrogate is no character at all (it would be stored
 * as '?' while the answer echoed it back). A decimal such as {@code 1E-999999999} is short to write
 * and ruinous to compute with, so scale and size are bounded for every decimal, setting or amount,
 * here and nowhere else. The bounds are far beyond any real price, quantity, share or percent.
 */
public final class InputBounds {
    /** Digits after the point, trailing zeros aside (a point value of 0.0001 needs 4). */
    public static final int MAX_DECIMALS = 10;
    /** Digits after the point as written, zeros included ({@code 0E-999999999} is zero, and still ruinous). */
    public static final int MAX_WRITTEN_DECIMALS = 2 * MAX_DECIMALS;
    /** Digits before the point: 10^18 of anything is no real amount. */
    public static final int MAX_WHOLE_DIGITS = 18;

    private InputBounds() {
    }

    /** Why this text may not be taken, or null when it may. */
    public static String textProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (\\u0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains a broken character (an unpaired UTF-16 surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains a broken character (an unpaired UTF-16 surrogate)";
            }
        }
        return null;
    }

    /** Why this decimal may not be taken, or null when it may. */
    public static String decimalProblem(BigDecimal value) {
        // Scale and precision are read before anything computes with the value: both are cheap,
        // while stripping zeros off 1E-999999999 would not be.
        int scale = value.scale();
        int whole = value.precision() - scale;
        if (whole > MAX_WHOLE_DIGITS || scale < -MAX_WHOLE_DIGITS) {
            return "must have at most " + MAX_WHOLE_DIGITS + " digits before the decimal point";
        }
        if (scale > MAX_WRITTEN_DECIMALS
                || scale > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
            return "must have at most " + MAX_DECIMALS + " digits after the decimal point";
        }
        return null;
    }

    /** Why this whole number may not be taken, or null when it may. */
    public static String integerProblem(BigInteger value) {
        return value.abs().bitLength() > 63 ? "must be a whole number between -" + Long.MAX_VALUE + " and "
                + Long.MAX_VALUE : null;
    }

    /** Why this binary floating-point number may not be taken, or null when it may. */
    public static String doubleProblem(double value) {
        return Double.isFinite(value) ? null : "must be a finite number";
    }

    /** Codes one list may name (stores, channels, SKUs, categories, levels). */
    public static final int MAX_CODES = 500;
    /**
     * A code is what a purchase names (a store's code, a channel, an SKU, a category): no longer than
     * the purchase may send it.
     */
    public static final int MAX_CODE_LENGTH = 100;

    /**
     * Whether a list of codes a rule, a reward or a challenge is limited to may be taken: null (any),
     * or at most {@link #MAX_CODES} codes, none blank and none past {@code maxLength} characters.
     */
    public static boolean codeList(java.util.List<String> codes, int maxLength) {
        return codes == null || codes.size() <= MAX_CODES
                && codes.stream().allMatch(c -> c != null && !c.isBlank() && c.length() <= maxLength);
    }
}
