package io.kopilka.web.admin.rules;

import io.kopilka.cause.Causes;
import io.kopilka.reward.RewardCatalog;
import io.kopilka.shared.TenantId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The tenant's rewards and causes as a form's choices (a rule's coupon, a birthday gift): a list to
 * pick from instead of an id to paste. The first hundred active ones; a program has a handful.
 */
@Component
class Choices {
    static final int MAX = 100;

    record Choice(String id, String label) {
    }

    private final RewardCatalog rewards;
    private final Causes causes;

    Choices(RewardCatalog rewards, Causes causes) {
        this.rewards = rewards;
        this.causes = causes;
    }

    List<Choice> rewards(TenantId tenant, Locale locale) {
        return rewards.page(tenant, null, MAX, true).stream()
                .map(r -> new Choice(r.reward().id().toString(), r.reward().name().in(locale.getLanguage()))).toList();
    }

    List<Choice> causes(TenantId tenant, Locale locale) {
        return causes.page(tenant, true, null, MAX).stream()
                .map(c -> new Choice(c.id().toString(), c.draft().names().in(locale.getLanguage()))).toList();
    }
}
