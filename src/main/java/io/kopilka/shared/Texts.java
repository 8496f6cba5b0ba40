package io.kopilka.shared;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * The customer-facing texts: {@code messages_ru}, {@code _kk} and {@code _en.properties}, in ICU
 * MessageFormat (CLDR plurals: Russian one/few/many, Kazakh and English one/other). Each pattern is
 * compiled once per key and language, when the class loads, so a malformed one stops the start
 * instead of a purchase. Plain Java: the domain (pricing, tiers) renders its sentences without Spring.
 */
public final class Texts {
    /** The languages every text exists in. */
    public static final List<String> LANGUAGES = List.of("ru", "kk", "en");
    /** What a language without texts of its own reads, as the sentences were written before bundles. */
    private static final String FALLBACK = "en";
    private static final Texts MESSAGES = load("messages");

    private final Map<String, Map<String, MessageFormat>> byLanguage;

    private Texts(Map<String, Map<String, MessageFormat>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** The application's texts, from {@code messages_*.properties} on the class path. */
    public static Texts messages() {
        return MESSAGES;
    }

    /** Loads {@code <baseName>_<language>.properties} for every language; fails on a missing file or a bad pattern. */
    static Texts load(String baseName) {
        Map<String, Map<String, MessageFormat>> byLanguage = new HashMap<>();
        for (String language : LANGUAGES) {
            String file = baseName + "_" + language + ".properties";
            PropertyResourceBundle bundle = read(file);
            ULocale locale = ULocale.forLanguageTag(language);
            Map<String, MessageFormat> formats = new HashMap<>();
            for (String key : bundle.keySet()) {
                try {
                    formats.put(key, new MessageFormat(bundle.getString(key), locale));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + ": '" + key + "' is not an ICU message pattern: "
                            + e.getMessage(), e);
                }
            }
            byLanguage.put(language, Map.copyOf(formats));
        }
        return new Texts(Map.copyOf(byLanguage));
    }

    private static PropertyResourceBundle read(String file) {
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("no " + file + " on the class path");
            }
            // A decoder that reports bad bytes: a file saved in another encoding fails here, not on a receipt.
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    /**
     * The sentence in {@code language} ("ru", "kk", "en"; any other reads English).
     *
     * @throws IllegalArgumentException for a key the bundles do not have, or arguments its pattern cannot take
     */
    public String render(Text text, String language) {
        MessageFormat format = formats(language).get(text.key());
        if (format == null) {
            throw new IllegalArgumentException("no text '" + text.key() + "'");
        }
        Map<String, Object> args = new HashMap<>(text.args().size() * 2);
        for (var arg : text.args().entrySet()) {
            args.put(arg.getKey(), switch (arg.getValue()) {
                case Money m -> m.printed();
                case Names n -> n.in(language);
                default -> arg.getValue();
            });
        }
        // ICU's MessageFormat is not thread-safe (it makes its plural and number formatters lazily
        // while formatting), and a clone shares its sub-formats with the original, so a clone per call
        // is safe only while every sub-format is: one lock per pattern and language instead, held for
        // under a microsecond (TextsBenchmark: the lock and the clone compared, on one and two threads).
        synchronized (format) {
            return format.usesNamedArguments() ? format.format(args) : format.format(positional(args));
        }
    }

    /** A screen's pattern numbers its arguments ({0}): the map's "0", "1", ... in order. */
    private static Object[] positional(Map<String, Object> args) {
        Object[] values = new Object[args.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = args.get(String.valueOf(i));
        }
        return values;
    }

    /**
     * The text of {@code key} with positional arguments ({@code {0}}, {@code {1}}), as the screens'
     * templates pass them; null when the key is not there, so a caller can fall back.
     */
    public String format(String key, Object[] args, String language) {
        MessageFormat format = formats(language).get(key);
        if (format == null) {
            return null;
        }
        synchronized (format) {
            return format.format(args == null ? new Object[0] : args);
        }
    }

    /** The keys of one language, for the check that every language has every text. */
    public Set<String> keys(String language) {
        return Collections.unmodifiableSet(new TreeSet<>(formats(language).keySet()));
    }

    /** The names of the arguments a key's pattern uses in a language, nested ones (in plural branches) too. */
    public Set<String> arguments(String key, String language) {
        MessageFormat format = formats(language).get(key);
        if (format == null) {
            throw new IllegalArgumentException("no text '" + key + "' in " + language);
        }
        MessagePattern pattern = new MessagePattern(format.toPattern());
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME
                    || part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                names.add(pattern.getSubstring(part));
            }
        }
        return names;
    }

    private Map<String, MessageFormat> formats(String language) {
        Map<String, MessageFormat> formats = byLanguage.get(language);
        return formats != null ? formats : byLanguage.get(FALLBACK);
    }
}
