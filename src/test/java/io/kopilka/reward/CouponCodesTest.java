package io.kopilka.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CouponCodesTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void theAlphabetHasNoLookAlikes() {
        for (char c : "0O1IL".toCharArray()) {
            assertThat(CouponCodes.ALPHABET).doesNotContain(String.valueOf(c));
        }
        assertThat(CouponCodes.ALPHABET.chars().distinct().count()).isEqualTo(CouponCodes.ALPHABET.length());
    }

    @Test
    void aCodeCarriesMoreThanFiftyBits() {
        assertThat(CouponCodes.entropyBits()).isGreaterThan(50);
        assertThat(CouponCodes.LENGTH * Math.log(CouponCodes.ALPHABET.length()) / Math.log(2)).isGreaterThan(50);
    }

    @Test
    void codesAreOfTheAlphabetAndLengthAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = CouponCodes.next(random);
            assertThat(code).hasSize(CouponCodes.LENGTH);
            assertThat(code.chars().allMatch(c -> CouponCodes.ALPHABET.indexOf(c) >= 0)).isTrue();
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void everyCharacterOfTheAlphabetTurnsUp() {
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            CouponCodes.next(random).chars().forEach(used::add);
        }
        assertThat(used).hasSize(CouponCodes.ALPHABET.length());
    }

    @Test
    void shownInGroupsOfFourAndReadBackInAnyForm() {
        String code = CouponCodes.next(random);
        String shown = CouponCodes.display(code);
        assertThat(shown).matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
        assertThat(CouponCodes.canonical(shown)).contains(code);
        assertThat(CouponCodes.canonical(shown.toLowerCase())).contains(code);
        assertThat(CouponCodes.canonical(code.toLowerCase())).contains(code);
        assertThat(CouponCodes.canonical(" " + shown.replace('-', ' ') + " ")).contains(code);
    }

    @Test
    void textThatCanBeNoCodeIsNone() {
        assertThat(CouponCodes.canonical(null)).isEmpty();
        assertThat(CouponCodes.canonical("")).isEmpty();
        assertThat(CouponCodes.canonical("K7M2-9QXD")).isEmpty();
        assertThat(CouponCodes.canonical("K7M2-9QXD-4TRWX")).isEmpty();
        assertThat(CouponCodes.canonical("K7M2-9QXD-4TR0")).isEmpty();
        assertThat(CouponCodes.canonical("K7M2-9QXD-4TR/")).isEmpty();
        assertThat(CouponCodes.canonical("K7M2-9QXD-4TRW")).contains("K7M29QXD4TRW");
    }
}
