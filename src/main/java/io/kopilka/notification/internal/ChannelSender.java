package io.kopilka.notification.internal;

import io.kopilka.member.Member;
import io.kopilka.notification.Channel;
import io.kopilka.shared.TenantId;
import java.util.Optional;

/**
 * Sends messages over one channel. The policy asks each sender, in the tenant's channel order, whether it
 * can be used for the tenant and where the member is on it; the dispatcher then hands it the message.
 */
interface ChannelSender {

    Channel channel();

    /**
     * Why this channel cannot carry the tenant's messages now (snake_case, e.g. {@code email_not_configured},
     * {@code telegram_bot_missing}); empty when it can.
     */
    Optional<String> unavailableFor(TenantId tenant);

    /** The member's address on this channel (e-mail, phone, Telegram chat id); empty when they have none. */
    Optional<String> addressOf(TenantId tenant, Member member);

    /**
     * Sends one message; returns normally when the channel accepted it. Throws {@link DeliveryFailure} when
     * it did not: {@code retryable} failures are tried again with back-off, the others fail at once.
     */
    void send(OutgoingMessage message) throws DeliveryFailure;
}
