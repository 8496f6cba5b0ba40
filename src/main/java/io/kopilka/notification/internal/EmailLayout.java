package io.kopilka.notification.internal;

import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import io.kopilka.tenant.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * An e-mail's HTML part: its text laid out by {@code templates/notification/email.html} (the business as a
 * header, blank-line paragraphs, links made clickable, the wallet as a button, a footer saying why the
 * member gets it and how to stop). Thymeleaf escapes every piece; the text itself is never markup.
 */
@Component
class EmailLayout {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"«»]+[^\\s<>\"«».,;:!?)]");

    private final ITemplateEngine engine;

    EmailLayout(ITemplateEngine engine) {
        this.engine = engine;
    }

    String html(Language language, String subject, String text, String business, String walletUrl,
                String unsubscribeUrl) {
        Context context = new Context(language.locale());
        context.setVariable("lang", language.tag());
        context.setVariable("subject", subject);
        context.setVariable("business", business);
        context.setVariable("paragraphs", paragraphs(text));
        context.setVariable("walletUrl", walletUrl);
        context.setVariable("walletLabel", footer("notification.email.wallet", business, language));
        context.setVariable("why", footer("notification.email.why", business, language));
        context.setVariable("unsubscribeUrl", unsubscribeUrl);
        context.setVariable("unsubscribeLabel", footer("notification.email.unsubscribe", business, language));
        return engine.process("notification/email", context);
    }

    /** The plain-text part's footer: why the member gets it and the link to stop. */
    static String textFooter(Language language, String business, String unsubscribeUrl) {
        String why = footer("notification.email.why", business, language);
        return unsubscribeUrl == null ? "--\n" + why
                : "--\n" + why + "\n" + footer("notification.email.unsubscribe", business, language) + ": "
                + unsubscribeUrl;
    }

    private static String footer(String key, String business, Language language) {
        return Texts.messages().render(new Text(key, Map.of("business", business)), language.tag());
    }

    /** Paragraphs of lines of pieces, each piece plain text or a link. */
    static List<List<List<Piece>>> paragraphs(String text) {
        List<List<List<Piece>>> paragraphs = new ArrayList<>();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            List<List<Piece>> lines = new ArrayList<>();
            for (String line : paragraph.split("\\n")) {
                lines.add(pieces(line));
            }
            paragraphs.add(lines);
        }
        return paragraphs;
    }

    private static List<Piece> pieces(String line) {
        List<Piece> pieces = new ArrayList<>();
        Matcher url = URL.matcher(line);
        int at = 0;
        while (url.find()) {
            if (url.start() > at) {
                pieces.add(new Piece(line.substring(at, url.start()), false));
            }
            pieces.add(new Piece(url.group(), true));
            at = url.end();
        }
        if (at < line.length()) {
            pieces.add(new Piece(line.substring(at), false));
        }
        return pieces;
    }

    /** A run of a line's text; {@code link}: a URL to make clickable. */
    record Piece(String text, boolean link) {
    }
}
