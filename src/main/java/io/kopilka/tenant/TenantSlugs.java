package io.kopilka.tenant;

import com.ibm.icu.text.Transliterator;

/**
 * A tenant's slug: its name as a URL's path segment ({@code /w/{slug}}), lowercase latin letters,
 * digits and dashes, transliterated from any script ("Кофейня «Зерно»" → "kofejnya-zerno").
 */
public final class TenantSlugs {
    public static final int MAX_LENGTH = 48;
    // Kazakh letters first, as the Latin alphabet writes them without marks (ICU's Cyrillic-Latin would
    // leave modifier letters); then Russian by BGN/PCGN ("кофейня" → "kofeynya", which reads better than
    // ISO 9's "kofejna"); then any other script; Latin-ASCII drops the accents.
    private static final Transliterator TO_ASCII = Transliterator.createFromRules("kopilka-slug", """
            ::Lower;
            ә > a; ғ > g; қ > q; ң > ng; ө > o; ұ > u; ү > u; һ > h; і > i;
            ::Russian-Latin/BGN; ::Any-Latin; ::Latin-ASCII; ::Lower;
            """, Transliterator.FORWARD);

    private TenantSlugs() {
    }

    /** The name's slug; "tenant" for a name with no letter or digit left. */
    public static String of(String name) {
        String ascii;
        synchronized (TO_ASCII) { // a Transliterator is not thread-safe
            ascii = TO_ASCII.transliterate(name == null ? "" : name);
        }
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "tenant" : slug;
    }

    /** The {@code n}-th choice for a name whose slug is taken: "zerno", "zerno-2", "zerno-3", … */
    public static String candidate(String slug, int n) {
        if (n <= 1) {
            return slug;
        }
        String suffix = "-" + n;
        String base = slug.length() + suffix.length() > MAX_LENGTH
                ? slug.substring(0, MAX_LENGTH - suffix.length()).replaceAll("-+$", "") : slug;
        return base + suffix;
    }
}
