package io.kopilka.notification;

import io.kopilka.shared.MemberId;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Language;
import java.time.Instant;
import java.util.UUID;

/**
 * One message in the notification log: what was (or will be) sent to whom, and what became of it.
 *
 * @param channel      null when no channel could be chosen ({@code undeliverable}, {@code suppressed})
 * @param to           the address on the channel (an e-mail, an E.164 phone, a Telegram chat); null without one
 * @param reason       why it is suppressed, undeliverable or failed, or why a queued one waits (snake_case, e.g.
 *                     {@code no_consent}, {@code quiet_hours}, {@code weekly_limit},
 *                     {@code email_not_configured}); null otherwise
 * @param subject      e-mail only; null for other channels
 * @param body         the text as sent (the e-mail's text part)
 * @param scheduledFor when it may leave: its creation, the end of quiet hours, or its next attempt
 * @param sentAt       null until sent
 */
public record NoticeMessage(UUID id, TenantId tenant, MemberId member, NoticeKind kind, String occasion,
                            Channel channel, String to, NoticeStatus status, String reason, Language language,
                            String subject, String body, Instant createdAt, Instant scheduledFor, Instant sentAt,
                            int attempts) {
}
