package io.kopilka.notification.internal;

import io.kopilka.notification.Channel;
import io.kopilka.notification.NoticeKind;
import io.kopilka.tenant.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The texts every tenant starts with: {@code notification/templates/<kind>/<email|sms>.<lang>.mustache}
 * on the class path, read and checked once when the class loads, so a broken file stops the start rather
 * than a message.
 */
final class DefaultTemplates {
    /** The channels templates are written for; Telegram reads the SMS one. */
    static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.SMS);
    private static final Map<NoticeKind, Map<Language, Map<Channel, TemplateText>>> TEXTS = load();

    private DefaultTemplates() {
    }

    static TemplateText of(NoticeKind kind, Language language, Channel channel) {
        return TEXTS.get(kind).get(language).get(TemplateText.templateChannel(channel));
    }

    private static Map<NoticeKind, Map<Language, Map<Channel, TemplateText>>> load() {
        Map<NoticeKind, Map<Language, Map<Channel, TemplateText>>> byKind = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            Map<Language, Map<Channel, TemplateText>> byLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                Map<Channel, TemplateText> byChannel = new EnumMap<>(Channel.class);
                for (Channel channel : CHANNELS) {
                    String path = path(kind, language, channel);
                    TemplateText text = TemplateText.parse(channel, read(path));
                    byChannel.put(channel, text);
                }
                byLanguage.put(language, byChannel);
            }
            byKind.put(kind, byLanguage);
        }
        return byKind;
    }

    static String path(NoticeKind kind, Language language, Channel channel) {
        return "notification/templates/" + kind.code() + "/" + channel.code() + "." + language.tag() + ".mustache";
    }

    private static String read(String path) {
        try (InputStream in = DefaultTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + path + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
