package io.kopilka.ledger;

import java.util.Locale;

/**
 * What a ledger entry records. Credits are positive, debits negative. {@code REWARD} is points spent on
 * a reward of the catalog, {@code DONATE} points given to a cause, {@code GIFT} points a staff member
 * gave, {@code CHALLENGE} a completed challenge's points, {@code WIN_BACK} the points that call back a
 * member who stopped coming.
 */
public enum EntryType {
    EARN, REDEEM, EXPIRE, REVERSE, REFUND, ADJUST, TRANSFER_IN, TRANSFER_OUT, WELCOME, BIRTHDAY, REFERRAL, DONATE,
    REWARD, GIFT, CHALLENGE, WIN_BACK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryType fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
