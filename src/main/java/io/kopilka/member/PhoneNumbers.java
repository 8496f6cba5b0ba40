package io.kopilka.member;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns what a cashier or a customer types into E.164. The tenant's country is the default region,
 * so that {@code 8 701 123 45 67} in Kazakhstan and {@code 8 (916) 123-45-67} in Russia both work.
 *
 * <p>A number is accepted when its length is possible for a mobile or fixed line of its country,
 * not only when today's numbering plan lists its prefix: a customer must never be turned away
 * because the metadata is a release behind the operators. Letters, local numbers without an area
 * code and numbers with too many digits are refused.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** What people type: digits, an optional leading +, and the usual separators. */
    private static final Pattern TYPED = Pattern.compile("^\\+?[0-9\\s().\\-]+$");

    private PhoneNumbers() {
    }

    /** The length fits a mobile or fixed line of that country (not only a local number without area code). */
    private static boolean possibleFor(PhoneNumber number, PhoneNumberType type) {
        return UTIL.isPossibleNumberForTypeWithReason(number, type) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE;
    }

    /**
     * Tills send the same numbers again and again, and parsing one costs more than the database
     * look-up it leads to: answers are remembered, up to a bound (then forgotten all at once).
     */
    private static final int REMEMBERED = 100_000;
    private static final Map<String, Optional<String>> KNOWN = new ConcurrentHashMap<>();

    public static Optional<String> normalize(String raw, String defaultCountry) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        String key = defaultCountry + '|' + raw;
        Optional<String> known = KNOWN.get(key);
        if (known != null) {
            return known;
        }
        Optional<String> parsed = parse(raw, defaultCountry);
        if (KNOWN.size() >= REMEMBERED) {
            KNOWN.clear();
        }
        KNOWN.put(key, parsed);
        return parsed;
    }

    /** A stored E.164 number as people read it ("+7 701 123 4567"); as stored when it cannot be parsed. */
    public static String readable(String e164) {
        if (e164 == null) {
            return null;
        }
        try {
            return UTIL.format(UTIL.parse(e164, null), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    private static Optional<String> parse(String raw, String defaultCountry) {
        try {
            if (!TYPED.matcher(raw).matches()) {
                return Optional.empty(); // letters would be read as keypad digits: a typo, not a phone
            }
            PhoneNumber number = UTIL.parse(raw, defaultCountry);
            if (!possibleFor(number, PhoneNumberType.MOBILE) && !possibleFor(number, PhoneNumberType.FIXED_LINE)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
