package io.kopilka.notification;

import java.util.Locale;

/**
 * Where a message stands. {@code QUEUED}: waiting to be sent (perhaps until quiet hours end, or for its
 * next attempt); {@code SENT}: the channel accepted it; {@code FAILED}: every attempt failed;
 * {@code SUPPRESSED}: the rules said not to send it (no marketing consent, the weekly limit, the kind
 * switched off); {@code UNDELIVERABLE}: the member cannot be reached (no consented channel, or the
 * channel is not configured). The last three say why in {@code reason}.
 */
public enum NoticeStatus {
    QUEUED, SENT, FAILED, SUPPRESSED, UNDELIVERABLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
