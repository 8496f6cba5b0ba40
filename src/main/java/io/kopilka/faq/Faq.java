package io.kopilka.faq;

import io.kopilka.shared.TenantId;
import io.kopilka.tenant.Language;
import java.util.List;

/**
 * The questions customers read on the business's "How points work" page, one list per language. A
 * language the owner never wrote reads {@link DefaultQuestions}; the owner may replace a language's
 * list (reordering is replacing) and go back to the defaults.
 */
public interface Faq {
    /** The list in {@code language}: the owner's if they wrote one (maybe empty), else the defaults. */
    FaqList questions(TenantId tenant, Language language);

    /** Validates ({@link FaqValidation}: 422 with the fields at fault) and replaces the list of one language. */
    FaqList replace(TenantId tenant, Language language, List<FaqItem> items);

    /** Forgets the owner's list of one language: customers read the defaults again. */
    FaqList reset(TenantId tenant, Language language);
}
