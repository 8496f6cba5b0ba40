package io.kopilka.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {
    private static final int SAMPLES = 2_000;

    /** Reproducible numbers: the seed is fixed, so a failure can be replayed. */
    private static List<String> generated() {
        SplittableRandom random = new SplittableRandom(20261122L);
        List<String> numbers = new ArrayList<>(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            numbers.add(CardNumbers.generate(random));
        }
        return numbers;
    }

    @Test
    void generatedNumbersAreTwelveDigitsWithoutALeadingZeroAndValid() {
        for (String number : generated()) {
            assertThat(number).as(number).hasSize(CardNumbers.LENGTH).containsOnlyDigits().doesNotStartWith("0");
            assertThat(CardNumbers.isValid(number)).as(number).isTrue();
        }
    }

    @Test
    void generatedNumbersDiffer() {
        assertThat(generated()).doesNotHaveDuplicates();
    }

    @Test
    void everySingleDigitChangeIsDetected() {
        for (String number : generated()) {
            for (int pos = 0; pos < number.length(); pos++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d == number.charAt(pos)) {
                        continue;
                    }
                    String typo = number.substring(0, pos) + d + number.substring(pos + 1);
                    assertThat(CardNumbers.isValid(typo)).as("%s mistyped as %s", number, typo).isFalse();
                }
            }
        }
    }

    /**
     * Luhn catches every swap of two different neighbouring digits except 0 and 9 (both add 9 to the
     * sum whether doubled or not). That blind spot is tested separately below.
     */
    @Test
    void everyAdjacentTranspositionOfDifferentDigitsOtherThanZeroAndNineIsDetected() {
        int checked = 0;
        for (String number : generated()) {
            for (int pos = 0; pos + 1 < number.length(); pos++) {
                char a = number.charAt(pos);
                char b = number.charAt(pos + 1);
                if (a == b || (a == '0' && b == '9') || (a == '9' && b == '0')) {
                    continue;
                }
                String swapped = swap(number, pos);
                assertThat(CardNumbers.isValid(swapped)).as("%s swapped at %d as %s", number, pos, swapped).isFalse();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(SAMPLES * 9);
    }

    /**
     * PRODUCT BUG (CardNumbers): the class promises that "two swapped neighbours are caught", but a
     * Luhn check digit cannot see a swap of 0 and 9: 109000000009 and 190000000009 are both valid, so
     * a cashier who swaps them finds someone else's card. A check that catches every adjacent
     * transposition (Damm, Verhoeff) would keep the promise. Enable when the check digit is changed.
     */
    @Disabled("Product bug: Luhn does not detect an adjacent swap of 0 and 9 (CardNumbers javadoc promises it)")
    @Test
    void productBug_adjacentSwapOfZeroAndNineIsDetected() {
        for (String number : generated()) {
            for (int pos = 0; pos + 1 < number.length(); pos++) {
                if (number.charAt(pos) != number.charAt(pos + 1)) {
                    String swapped = swap(number, pos);
                    assertThat(CardNumbers.isValid(swapped)).as("%s swapped at %d as %s", number, pos, swapped)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void luhnBlindSpotForZeroAndNineIsReal() {
        // Documents why the test above is separate: both numbers pass the current check.
        assertThat(CardNumbers.isValid("109000000009")).isTrue();
        assertThat(CardNumbers.isValid("190000000009")).isTrue();
    }

    @ParameterizedTest(name = "[{index}] check digit of {0} is {1}")
    @CsvSource({
            "7992739871, 3",           // the textbook Luhn example 79927398713
            "411111111111111, 1",      // 4111 1111 1111 1111
            "555555555555444, 4",      // 5555 5555 5555 4444
            "401288888888188, 1",      // 4012 8888 8888 1881
            "37828224631000, 5",       // 3782 822463 10005
            "12345678901, 5",
            "00000000000, 0"})
    void knownLuhnCheckDigits(String body, int expected) {
        assertThat(CardNumbers.checkDigit(body)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789015", "109000000009", "000000000000"})
    void knownValidTwelveDigitNumbers(String number) {
        assertThat(CardNumbers.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "123456789012",   // wrong check digit
            "123456789014",
            "12345678901",    // 11 digits
            "1234567890155",  // 13 digits
            "79927398713",    // valid Luhn but not 12 digits
            "12345678901a",
            "1234 5678 9015", // spaces are cleaned by clean(), not accepted by isValid
            "١٢٣٤٥٦٧٨٩٠١٥"}) // Arabic-Indic digits are digits to Java, not to a till
    void invalidNumbersAreRefused(String number) {
        assertThat(CardNumbers.isValid(number)).isFalse();
    }

    @Test
    void cleanStripsSpacesAndDashes() {
        assertThat(CardNumbers.clean(" 1234 5678-9015 ")).isEqualTo("123456789015");
        assertThat(CardNumbers.clean("1234\t5678 - 9015")).isEqualTo("123456789015");
        assertThat(CardNumbers.clean(null)).isNull();
        assertThat(CardNumbers.isValid(CardNumbers.clean("1234-5678-9015"))).isTrue();
    }

    private static String swap(String s, int pos) {
        char[] c = s.toCharArray();
        char t = c[pos];
        c[pos] = c[pos + 1];
        c[pos + 1] = t;
        return new String(c);
    }
}
