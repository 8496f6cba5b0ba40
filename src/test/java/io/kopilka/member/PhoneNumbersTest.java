package io.kopilka.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" in KZ")
    @ValueSource(strings = {
            "8 701 123 45 67",
            "+7 (701) 123-45-67",
            "87011234567",
            "+7 701 1234567",
            "+77011234567",
            "8-701-123-45-67",
            "  8 701 123 45 67  "})
    void kazakhFormatsBecomeE164(String typed) {
        assertThat(PhoneNumbers.normalize(typed, "KZ")).contains("+77011234567");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" in RU")
    @ValueSource(strings = {"8 (916) 123-45-67", "89161234567", "+7 916 123 45 67", "+7 (916) 123-45-67"})
    void russianFormatsBecomeE164(String typed) {
        assertThat(PhoneNumbers.normalize(typed, "RU")).contains("+79161234567");
    }

    @Test
    void theSameKazakhNumberTypedInARussianTenantStaysKazakh() {
        // +7 is shared: a Kazakh mobile typed in Russia still means the same subscriber.
        assertThat(PhoneNumbers.normalize("8 701 123 45 67", "RU")).contains("+77011234567");
    }

    @Test
    void internationalNumbersOfOtherCountriesAreKept() {
        assertThat(PhoneNumbers.normalize("+44 20 7946 0958", "KZ")).contains("+442079460958");
        assertThat(PhoneNumbers.normalize("+998 90 123 45 67", "KZ")).contains("+998901234567");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {
            " ",
            "hello",
            "not a phone",
            "phone: none",
            "---",
            "+",
            "++",
            "0",
            "7",
            "12345",
            "8 701",
            "8 701 123 45",
            "+7 701 123 45 6",
            "8 701 123 45 67 89",
            "+7 701 123 45 67 89 01 23"})
    void garbageAndWrongLengthsAreRefused(String typed) {
        assertThat(PhoneNumbers.normalize(typed, "KZ")).isEmpty();
    }

    @Test
    void overlongTextIsRefusedWithoutParsing() {
        String longText = "+7 701 123 45 67" + " ".repeat(40);
        assertThat(PhoneNumbers.normalize(longText, "KZ")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" in ZZ")
    @ValueSource(strings = {"8 701 123 45 67", "87011234567", "7011234567", "(701) 123-45-67"})
    void unknownRegionRefusesNationalFormats(String typed) {
        assertThat(PhoneNumbers.normalize(typed, "ZZ")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" in ZZ")
    @CsvSource(delimiter = '|', value = {
            "+77011234567      | +77011234567",
            "+7 701 123 45 67  | +77011234567",
            "+7 (916) 123-45-67| +79161234567",
            "+44 20 7946 0958  | +442079460958"})
    void unknownRegionAcceptsInternationalFormat(String typed, String expected) {
        assertThat(PhoneNumbers.normalize(typed, "ZZ")).contains(expected);
    }

    /**
     * Regression (PhoneNumbers.normalize, fixed): libphonenumber turns letters into keypad digits (vanity
     * numbers), so text that is mostly letters is accepted as a phone: "8701hellowo" becomes
     * +77014355696 and "8 701 abc de fg" becomes +77012223334. A cashier's typo or garbage should be
     * refused, not silently turned into someone's number.
     */
    @ParameterizedTest(name = "[{index}] \"{0}\" is refused")
    @ValueSource(strings = {"8701hellowo", "8 701 abc de fg", "+7 701 CALL NOW"})
    void textWithLettersIsRefused(String typed) {
        assertThat(PhoneNumbers.normalize(typed, "KZ")).isEmpty();
    }

    /**
     * Regression (PhoneNumbers.normalize, fixed): isPossibleNumber also says yes to IS_POSSIBLE_LOCAL_ONLY,
     * so any 7 digits (a local number without its area code) pass and become a non-dialable
     * "E.164" number: "123 45 67" becomes +71234567 and "8 701 123" becomes +78701123. Numbers with +7
     * have 10 national digits. Checking isPossibleNumberWithReason(...) == IS_POSSIBLE would refuse them.
     */
    @ParameterizedTest(name = "[{index}] \"{0}\" is refused")
    @ValueSource(strings = {"123 45 67", "1234567", "555-12-34", "8 701 123", "+7 123 45 67"})
    void sevenDigitLocalNumbersAreRefused(String typed) {
        assertThat(PhoneNumbers.normalize(typed, "KZ")).isEmpty();
        assertThat(PhoneNumbers.normalize(typed, "RU")).isEmpty();
    }

    /**
     * Regression (PhoneNumbers.normalize, fixed): the +7 plan's metadata lists 14 national digits as a
     * possible length, so a Kazakh mobile typed with three digits too many is accepted:
     * "87011234567890" becomes +787011234567890 and "+7 701 123 45 67 89 01" becomes +770112345678901.
     * A member is then registered under a number that is not theirs. Mobiles under +7 have 10 national
     * digits; normalize should refuse other lengths for +7 (or for any number the plan marks invalid).
     */
    @ParameterizedTest(name = "[{index}] \"{0}\" is refused")
    @ValueSource(strings = {"87011234567890", "+7 701 123 45 67 89 01", "+7 916 123 45 67 89 01"})
    void fourteenDigitNationalNumbersAreRefused(String typed) {
        assertThat(PhoneNumbers.normalize(typed, "KZ")).isEmpty();
    }
}
