package io.kopilka.referral;

import java.util.Arrays;
import java.util.Locale;

/** What came of inviting a friend. Only {@code JOINED} changes, once (and a reward may be cancelled). */
public enum ReferralStatus {
    /** The friend joined and has not yet made a purchase that qualifies. */
    JOINED,
    /** Both got their points at the friend's qualifying purchase. */
    REWARDED,
    /** The referrer had reached the month's cap: the link stays, and gave nothing. */
    CAPPED,
    /** The qualifying purchase was returned whole before its points were available: both taken back. */
    CANCELLED,
    /** The friend has the referrer's e-mail: nothing is given. */
    SELF_REFERRAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReferralStatus fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown referral status " + code));
    }
}
