package io.kopilka.ledger;

import java.util.Locale;

/** What a ledger entry records. Credits are positive, debits negative. */
public enum EntryType {
    EARN, REDEEM, EXPIRE, REVERSE, REFUND, ADJUST, TRANSFER_IN, TRANSFER_OUT, WELCOME, BIRTHDAY, REFERRAL, DONATE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryType fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
