package io.kopilka.referral;

import io.kopilka.shared.Text;
import java.util.Map;

/** The sentences referrals write: history lines (no names in them) and the friend's receipt line. */
public final class ReferralTexts {

    private ReferralTexts() {
    }

    /** The referrer's history: "Бонус за приглашённого друга". */
    public static Text referrerHistory() {
        return new Text("referral.history-referrer", Map.of());
    }

    /** The friend's history: "Бонус за вступление по приглашению". */
    public static Text friendHistory() {
        return new Text("referral.history-friend", Map.of());
    }

    /** The friend's line on the qualifying purchase's receipt; null when nobody got anything. */
    public static Text rewarded(long referrerPoints, long refereePoints) {
        if (referrerPoints > 0 && referrerPoints == refereePoints) {
            return new Text("referral.rewarded-both", Map.of("points", refereePoints));
        }
        if (referrerPoints > 0 && refereePoints > 0) {
            return new Text("referral.rewarded", Map.of("points", refereePoints, "friendPoints", referrerPoints));
        }
        if (refereePoints > 0) {
            return new Text("referral.rewarded-you", Map.of("points", refereePoints));
        }
        if (referrerPoints > 0) {
            return new Text("referral.rewarded-friend", Map.of("friendPoints", referrerPoints));
        }
        return null;
    }
}
