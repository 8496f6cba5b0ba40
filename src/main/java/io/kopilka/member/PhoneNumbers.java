package io.kopilka.member;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Turns what a cashier or a customer types into E.164. The tenant's country is the default region,
 * so that {@code 8 701 123 45 67} in Kazakhstan and {@code 8 (916) 123-45-67} in Russia both work.
 *
 * <p>A number is accepted when its length is possible for its country, not only when today's
 * numbering plan lists its prefix: a customer must never be turned away because the metadata is
 * a release behind the operators.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    public static Optional<String> normalize(String raw, String defaultCountry) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw, defaultCountry);
            if (!UTIL.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
