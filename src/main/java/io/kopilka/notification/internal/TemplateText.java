package io.kopilka.notification.internal;

import io.kopilka.notification.Channel;

/**
 * A message's template as written: an e-mail's subject and body, an SMS's body ({@code subject} null).
 * Telegram messages use the SMS template.
 */
record TemplateText(String subject, String body) {

    /** The file form of an e-mail template: {@code Subject: …}, a blank line, the body. */
    static TemplateText parse(Channel channel, String file) {
        String text = file.replace("\r\n", "\n");
        if (channel != Channel.EMAIL) {
            return new TemplateText(null, text.strip());
        }
        int blank = text.indexOf("\n\n");
        if (!text.startsWith("Subject: ") || blank < 0) {
            throw new IllegalStateException("an e-mail template starts with 'Subject: …' and a blank line");
        }
        return new TemplateText(text.substring("Subject: ".length(), blank).strip(), text.substring(blank + 2).strip());
    }

    /** The channel whose template a message on {@code channel} is written with. */
    static Channel templateChannel(Channel channel) {
        return channel == Channel.TELEGRAM ? Channel.SMS : channel;
    }
}
