package io.kopilka.member;

import java.util.Locale;
import java.util.random.RandomGenerator;

/** Short codes a member shares with friends: no 0/O or 1/I, so they survive being read aloud. */
public final class ReferralCodes {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 8;

    private ReferralCodes() {
    }

    public static String generate(RandomGenerator random) {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public static String clean(String typed) {
        return typed == null ? null : typed.strip().toUpperCase(Locale.ROOT);
    }
}
