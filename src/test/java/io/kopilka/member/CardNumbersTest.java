package io.kopilka.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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

    /** Damm's check digit catches every swap of two different neighbouring digits, 0 and 9 included. */
    @Test
    void everyAdjacentTranspositionOfDifferentDigitsIsDetected() {
        int checked = 0;
        for (String number : generated()) {
            for (int pos = 0; pos + 1 < number.length(); pos++) {
                if (number.charAt(pos) != number.charAt(pos + 1)) {
                    String swapped = swap(number, pos);
                    assertThat(CardNumbers.isValid(swapped)).as("%s swapped at %d as %s", number, pos, swapped)
                            .isFalse();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(SAMPLES * 9);
    }

    @Test
    void zeroAndNineSwappedIsCaught() {
        // The pair Luhn cannot tell apart: 109… and 190… with the same check digit.
        assertThat(CardNumbers.isValid("109000000005")).isTrue();
        assertThat(CardNumbers.isValid("190000000005")).isFalse();
    }

    @ParameterizedTest(name = "[{index}] check digit of {0} is {1}")
    @CsvSource({
            "572, 4",                  // the textbook Damm example 5724
            "12345678901, 8",
            "98765432109, 6",
            "00000000000, 0"})
    void knownDammCheckDigits(String body, int expected) {
        assertThat(CardNumbers.checkDigit(body)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789018", "109000000005", "000000000000"})
    void knownValidTwelveDigitNumbers(String number) {
        assertThat(CardNumbers.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "123456789010",   // wrong check digit
            "123456789011",
            "12345678901",    // 11 digits
            "1234567890155",  // 13 digits
            "5724",           // valid Damm but not 12 digits
            "12345678901a",
            "1234 5678 9018", // spaces are cleaned by clean(), not accepted by isValid
            "١٢٣٤٥٦٧٨٩٠١٨"}) // Arabic-Indic digits are digits to Java, not to a till
    void invalidNumbersAreRefused(String number) {
        assertThat(CardNumbers.isValid(number)).isFalse();
    }

    @Test
    void cleanStripsSpacesAndDashes() {
        assertThat(CardNumbers.clean(" 1234 5678-9015 ")).isEqualTo("123456789015");
        assertThat(CardNumbers.clean("1234\t5678 - 9015")).isEqualTo("123456789015");
        assertThat(CardNumbers.clean(null)).isNull();
        assertThat(CardNumbers.isValid(CardNumbers.clean("1234-5678-9018"))).isTrue();
    }

    private static String swap(String s, int pos) {
        char[] c = s.toCharArray();
        char t = c[pos];
        c[pos] = c[pos + 1];
        c[pos + 1] = t;
        return new String(c);
    }
}
