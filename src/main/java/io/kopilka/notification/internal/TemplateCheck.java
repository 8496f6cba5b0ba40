package io.kopilka.notification.internal;

import io.kopilka.notification.Channel;
import io.kopilka.notification.KindFacts;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NotificationTemplates;
import io.kopilka.notification.SampleFacts;
import io.kopilka.notification.SmsSegments;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.error.ApiProblem.FieldError;
import io.kopilka.tenant.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whether a tenant's text may be stored: a message that fails to render is a message lost (logged
 * {@code failed}), so a text is rendered against the kind's sample facts, with every optional fact and
 * with none, before it is accepted; an SMS must also fit {@link NotificationTemplates#MAX_SMS_SEGMENTS}
 * parts. Plain Java, so every refusal is tested without a server.
 */
final class TemplateCheck {
    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 10_000;
    /** Every tag with the default delimiters: {@code {{x}}}, {@code {{{x}}}}, {@code {{#x}}}, {@code {{/x}}}… */
    private static final Pattern TAG = Pattern.compile("\\{\\{(\\{?)\\s*([#^/&!=>\\$<]?)\\s*(.*?)\\s*}?}}",
            Pattern.DOTALL);

    private TemplateCheck() {
    }

    /**
     * The text as it will be stored, or a refusal naming what is wrong (nothing is written).
     *
     * @param limitSegments whether an SMS longer than the limit is refused (a save) or only counted (a preview)
     */
    static Checked check(NoticeKind kind, Language language, Channel channel, @Nullable String subject,
                         @Nullable String body, Currency currency, ZoneId zone, Instant now, boolean limitSegments) {
        TemplateText text = shape(channel, subject, body);
        Map<String, String> parts = new LinkedHashMap<>();
        if (text.subject() != null) {
            parts.put("subject", text.subject());
        }
        parts.put("body", text.body());
        parts.forEach((field, source) -> structure(kind, field, source));

        Map<String, Object> all = SampleFacts.all(kind, currency, now);
        Map<String, Object> required = new HashMap<>(all);
        required.keySet().removeIf(fact -> KindFacts.isOptional(kind, fact));
        FactFormatter formatter = new FactFormatter(language, zone, now);
        int longest = 0;
        for (Map<String, Object> facts : List.of(all, required)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                String rendered = render(kind, part.getKey(), part.getValue(), facts, formatter);
                if (part.getKey().equals("body") && channel == Channel.SMS) {
                    longest = Math.max(longest, SmsSegments.of(rendered).segments());
                }
            }
        }
        if (limitSegments && longest > NotificationTemplates.MAX_SMS_SEGMENTS) {
            throw new ApiProblem(422, "template_too_long", "With the sample facts this SMS takes " + longest
                    + " parts; at most " + NotificationTemplates.MAX_SMS_SEGMENTS + " are allowed",
                    List.of(new FieldError("body", "takes " + longest + " SMS parts")), Map.of("segments", longest));
        }
        return new Checked(text, longest);
    }

    /** @param segments the most SMS parts the samples take; 0 for e-mail */
    record Checked(TemplateText text, int segments) {
    }

    /** Sizes, and a subject for e-mail only. */
    private static TemplateText shape(Channel channel, @Nullable String subject, @Nullable String body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "is required"));
        } else if (body.length() > MAX_BODY) {
            errors.add(new FieldError("body", "must be at most " + MAX_BODY + " characters"));
        }
        if (channel == Channel.EMAIL) {
            if (subject == null || subject.isBlank()) {
                errors.add(new FieldError("subject", "is required for e-mail"));
            } else if (subject.length() > MAX_SUBJECT) {
                errors.add(new FieldError("subject", "must be at most " + MAX_SUBJECT + " characters"));
            }
        } else if (subject != null) {
            errors.add(new FieldError("subject", "an SMS has no subject; leave it out"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation_failed", "The request has invalid fields", errors, Map.of());
        }
        return new TemplateText(channel == Channel.EMAIL ? subject.strip() : null, body.replace("\r\n", "\n").stripTrailing());
    }

    /**
     * What rendering the samples cannot show: an optional fact printed outside a section over an optional
     * fact prints "false" when absent; other delimiters and partials would hide tags from this check.
     */
    private static void structure(NoticeKind kind, String field, String source) {
        try {
            TemplateRenderer.compile(source);
        } catch (TemplateRenderer.TemplateException e) {
            throw invalid(field, e.getMessage(), e.line());
        }
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(source);
        while (tag.find()) {
            String sigil = tag.group(2);
            String name = tag.group(3);
            int line = lineAt(source, tag.start());
            switch (sigil) {
                case "=" -> throw invalid(field, "Changing the delimiters is not supported", line);
                case ">", "<", "$" -> throw invalid(field, "Partials and blocks are not supported", line);
                case "#", "^" -> open.push(sigil + name);
                case "/" -> open.poll();
                case "!" -> {
                }
                default -> {
                    if (KindFacts.isOptional(kind, name) && !withinOptional(kind, open)) {
                        throw invalid(field, "'" + name + "' is not in every message: use it inside {{#" + name
                                + "}}…{{/" + name + "}}", line);
                    }
                }
            }
        }
    }

    /** Inside a section over an optional fact: facts that come together (a coupon's code and name) share one. */
    private static boolean withinOptional(NoticeKind kind, Deque<String> open) {
        return open.stream().anyMatch(section -> section.startsWith("#")
                && KindFacts.isOptional(kind, section.substring(1)));
    }

    private static String render(NoticeKind kind, String field, String source, Map<String, Object> facts,
                                 FactFormatter formatter) {
        try {
            return TemplateRenderer.render(TemplateRenderer.compile(source), kind, facts, formatter);
        } catch (TemplateRenderer.TemplateException e) {
            throw invalid(field, e.getMessage(), e.line());
        } catch (RuntimeException e) {
            // ICU refusing an argument, a lambda misused: whatever stops the sample stops a real message too.
            throw invalid(field, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), -1);
        }
    }

    static ApiProblem invalid(String field, String message, int line) {
        String where = line > 0 ? field + ", line " + line : field;
        return new ApiProblem(422, "template_invalid", where + ": " + message,
                List.of(new FieldError(field, message)), line > 0 ? Map.of("line", line) : Map.of());
    }

    private static int lineAt(String source, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
