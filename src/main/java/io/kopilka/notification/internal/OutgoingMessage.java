package io.kopilka.notification.internal;

import io.kopilka.shared.TenantId;
import java.util.UUID;

/**
 * A message as a channel sends it.
 *
 * @param id             the log entry's id: an e-mail's {@code Message-ID} is made of it, so a receiver can
 *                       tell a repeated delivery from a new message
 * @param subject        e-mail only
 * @param html           e-mail only: the HTML part (the text part is {@code text})
 * @param unsubscribeUrl e-mail only: the link that withdraws the e-mail consent ({@code List-Unsubscribe})
 */
record OutgoingMessage(TenantId tenant, UUID id, String to, String subject, String text, String html,
                       String unsubscribeUrl) {
}
