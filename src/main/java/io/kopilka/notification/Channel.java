package io.kopilka.notification;

import java.util.Locale;
import java.util.Optional;

/**
 * A way to reach a member. The member's consent for a channel is the {@code consents} key of the
 * same name ({@code email}, {@code sms}, {@code telegram}).
 */
public enum Channel {
    EMAIL, SMS, TELEGRAM;

    /** The channel's name in the API and in a member's consents. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> fromCode(String code) {
        for (Channel channel : values()) {
            if (channel.code().equals(code)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
