package io.kopilka.member;

import java.util.random.RandomGenerator;

/**
 * Card numbers: 12 digits, the last a Damm check digit, so that any one mistyped digit and any swap
 * of two neighbouring digits is caught at the till instead of finding someone else's card. (Luhn,
 * the usual choice, cannot see 09 typed as 90.)
 */
public final class CardNumbers {
    public static final int LENGTH = 12;

    /** The weakly totally anti-symmetric quasigroup of order 10 from Damm's thesis (2004). */
    private static final int[][] DAMM = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};

    private CardNumbers() {
    }

    public static String generate(RandomGenerator random) {
        StringBuilder body = new StringBuilder(LENGTH);
        body.append(1 + random.nextInt(9));
        for (int i = 1; i < LENGTH - 1; i++) {
            body.append(random.nextInt(10));
        }
        return body.append(checkDigit(body)).toString();
    }

    public static boolean isValid(String number) {
        if (number == null || number.length() != LENGTH || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkDigit(number.substring(0, LENGTH - 1)) == number.charAt(LENGTH - 1) - '0';
    }

    /** Strips the spaces and dashes people type between groups of digits. */
    public static String clean(String typed) {
        return typed == null ? null : typed.replaceAll("[\\s-]", "");
    }

    /** The Damm check digit: the running interim of the quasigroup table over all digits. */
    static int checkDigit(CharSequence body) {
        int interim = 0;
        for (int i = 0; i < body.length(); i++) {
            interim = DAMM[interim][body.charAt(i) - '0'];
        }
        return interim;
    }
}
