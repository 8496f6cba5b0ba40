package io.kopilka.memberaccess.internal;

import java.time.Duration;

/**
 * The sign-in codes' rules, in one place: a code has 6 digits, lives 5 minutes and survives 5 wrong
 * tries; a member gets at most 3 codes in 10 minutes and 10 a day, and one client address asks for
 * at most 20 an hour (whoever's phones it types), so that neither guessing nor SMS flooding pays.
 */
record CodeLimits(Duration lifetime, int tries, int perMemberShort, Duration shortWindow, int perMemberDay,
                  int perAddressHour) {

    static final CodeLimits STANDARD = new CodeLimits(Duration.ofMinutes(5), 5, 3, Duration.ofMinutes(10), 10, 20);

    /** The same with another limit per address: a shop's Wi-Fi behind one address may need more; the tests do. */
    CodeLimits withPerAddressHour(int perAddress) {
        return new CodeLimits(lifetime, tries, perMemberShort, shortWindow, perMemberDay, perAddress);
    }

    /** Whether one more code may be sent, given how many went to the member and from the address lately. */
    boolean allows(int memberShort, int memberDay, int addressHour) {
        return memberShort < perMemberShort && memberDay < perMemberDay && addressHour < perAddressHour;
    }
}
