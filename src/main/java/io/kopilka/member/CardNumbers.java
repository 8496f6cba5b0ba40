package io.kopilka.member;

import java.util.random.RandomGenerator;

/**
 * Card numbers: 12 digits, the last a Luhn check digit, so that a mistyped digit or two swapped
 * neighbours are caught at the till instead of finding someone else's card.
 */
public final class CardNumbers {
    public static final int LENGTH = 12;

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
        if (number == null || number.length() != LENGTH || !number.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return checkDigit(number.substring(0, LENGTH - 1)) == number.charAt(LENGTH - 1) - '0';
    }

    /** Strips the spaces and dashes people type between groups of digits. */
    public static String clean(String typed) {
        return typed == null ? null : typed.replaceAll("[\\s-]", "");
    }

    static int checkDigit(CharSequence body) {
        int sum = 0;
        boolean doubled = true; // the digit next to the check digit is doubled
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
