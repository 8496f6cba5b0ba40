package io.kopilka.notification.internal;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.kopilka.notification.KindFacts;
import io.kopilka.notification.NoticeKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Mustache templates of messages, strict: a variable the facts do not have fails instead of printing
 * nothing, and so does a section over one (optional facts are there as {@code false} when absent). The
 * collector reads maps only, never a Java method or field, so a tenant's template can print facts and
 * nothing else. No escaping: the texts are plain, and the HTML layout escapes what it shows.
 */
final class TemplateRenderer {
    /** Where the ICU plural helper lives in every template: {@code {{#plural}}{points, plural, …}{{/plural}}}. */
    static final String PLURAL = "plural";
    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .strictSections(true)
            .escapeHTML(false)
            .emptyStringIsFalse(true)
            .withCollector(new MapsOnly());

    private TemplateRenderer() {
    }

    /** Compiles a template's text; a syntax error says its line. */
    static Template compile(String source) {
        try {
            return COMPILER.compile(source);
        } catch (MustacheException e) {
            throw new TemplateException(e.getMessage(), lineOf(e), e);
        }
    }

    /**
     * Renders a template with a notice's facts for one reader. Blank lines left by absent facts are
     * squeezed to one, trailing spaces dropped.
     */
    static String render(Template template, NoticeKind kind, Map<String, Object> facts, FactFormatter formatter) {
        Map<String, Object> complete = new HashMap<>(facts);
        for (String optional : KindFacts.COMMON_OPTIONAL) {
            complete.putIfAbsent(optional, false);
        }
        for (String optional : KindFacts.optional(kind)) {
            complete.putIfAbsent(optional, false);
        }
        FactFormatter.Facts formatted = formatter.format(complete);
        formatted.put(PLURAL, (Mustache.Lambda) (fragment, out) -> out.write(plural(fragment, formatter)));
        String text;
        try {
            text = template.execute(formatted);
        } catch (MustacheException e) {
            throw new TemplateException(e.getMessage(), lineOf(e), e);
        }
        String tidy = TRAILING_SPACES.matcher(text.replace("\r\n", "\n")).replaceAll("\n");
        return BLANK_LINES.matcher(tidy).replaceAll("\n\n").strip();
    }

    /**
     * The helper's section is an ICU message pattern (plural, select) over the raw facts, the innermost
     * first: inside {@code {{#batches}}} {@code {points}} is the batch's. Kazakh has no agreement after a
     * number, but the helper works there too.
     */
    private static String plural(com.samskivert.mustache.Template.Fragment fragment, FactFormatter formatter) {
        String pattern = fragment.decompile();
        Map<String, Object> args = new HashMap<>();
        Deque<Map<String, Object>> scopes = new ArrayDeque<>();
        for (int level = 0; ; level++) {
            Object context;
            try {
                context = fragment.context(level);
            } catch (RuntimeException e) {
                break;
            }
            if (context == null) {
                break;
            }
            if (context instanceof FactFormatter.Facts facts) {
                scopes.push(facts.raw());
            }
        }
        // Outermost first, so inner scopes win.
        scopes.forEach(scope -> scope.forEach((key, value) -> args.put(key, icuArgument(value, formatter))));
        MessageFormat format;
        try {
            format = new MessageFormat(pattern, ULocale.forLanguageTag(formatter.language().tag()));
        } catch (IllegalArgumentException e) {
            throw new TemplateException("{{#plural}} is not an ICU message pattern: " + e.getMessage(), -1, e);
        }
        requireArguments(pattern, args);
        return format.format(args);
    }

    private static Object icuArgument(Object value, FactFormatter formatter) {
        return value instanceof Long || value instanceof Integer ? value : formatter.text(value);
    }

    private static void requireArguments(String pattern, Map<String, Object> args) {
        MessagePattern parsed = new MessagePattern(pattern);
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                String name = parsed.getSubstring(part);
                if (!args.containsKey(name) || Boolean.FALSE.equals(args.get(name)) || "false".equals(args.get(name))) {
                    throw new TemplateException("{{#plural}} uses '" + name + "', which this message does not have",
                            -1, null);
                }
            }
        }
    }

    private static int lineOf(MustacheException e) {
        return e instanceof MustacheException.Context context ? context.lineNo : -1;
    }

    /** Reads map entries and lists; unlike jmustache's default, never calls a method or reads a field. */
    private static final class MapsOnly extends BasicCollector {
        @Override
        public <K, V> Map<K, V> createFetcherCache() {
            return new ConcurrentHashMap<>();
        }
    }

    /** A template that does not compile, or names what the facts do not have; {@code line} -1 when unknown. */
    static final class TemplateException extends IllegalStateException {
        private final int line;

        TemplateException(String message, int line, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
