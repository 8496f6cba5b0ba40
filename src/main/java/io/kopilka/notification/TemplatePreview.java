package io.kopilka.notification;

import org.jspecify.annotations.Nullable;

/**
 * A template rendered as a member would get it.
 *
 * @param subject  e-mail only
 * @param body     the text part (an e-mail's with its footer)
 * @param html     e-mail only
 * @param segments SMS only: how many parts it costs ({@link SmsSegments})
 */
public record TemplatePreview(@Nullable String subject, String body, @Nullable String html,
                              @Nullable SmsSegments segments) {
}
