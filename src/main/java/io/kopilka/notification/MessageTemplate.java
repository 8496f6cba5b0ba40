package io.kopilka.notification;

import io.kopilka.tenant.Language;
import org.jspecify.annotations.Nullable;

/**
 * The text of one message a tenant sends: its own, or the default it has not replaced.
 *
 * @param channel {@link Channel#EMAIL} or {@link Channel#SMS} (Telegram reads the SMS text)
 * @param subject e-mail only
 * @param custom  whether it is the tenant's own
 */
public record MessageTemplate(NoticeKind kind, Language language, Channel channel, @Nullable String subject,
                              String body, boolean custom) {
}
