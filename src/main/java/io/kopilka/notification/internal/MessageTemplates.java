package io.kopilka.notification.internal;

import io.kopilka.notification.Channel;
import io.kopilka.notification.NoticeKind;
import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Language;
import java.util.Map;

/**
 * The texts of messages: the tenant's own template of a kind, language and channel, or the default. A
 * Telegram message is the SMS template's text (short, with the link).
 */
interface MessageTemplates {

    /**
     * Renders one message from a notice's facts and what the module adds to every one of them (see
     * {@code docs/notifications.md}: {@code name}, {@code business}, {@code walletUrl}, and for e-mail
     * {@code unsubscribeUrl}). Numbers, money and dates are formatted for the language and the tenant's
     * currency and zone. A template naming a fact the notice does not have fails loudly
     * ({@link IllegalStateException}) rather than sending a message with a hole in it.
     */
    Rendered render(TenantId tenant, NoticeKind kind, Language language, Channel channel, Map<String, Object> facts);

    /**
     * @param subject e-mail only; null for SMS and Telegram
     * @param html    e-mail only; null for SMS and Telegram
     */
    record Rendered(String subject, String text, String html) {
    }
}
