package io.kopilka.faq;

import io.kopilka.shared.TenantId;
import java.util.Locale;

/** "How points work": the tenant's program in plain words, from its settings, running rules and levels. */
public interface HowPointsWork {
    /** The sentences in {@code locale}'s language (ru, kk or en; any other reads English). */
    Explanation explain(TenantId tenant, Locale locale);
}
