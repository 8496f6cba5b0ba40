package io.kopilka.faq.internal;

import io.kopilka.faq.Explanation;
import io.kopilka.faq.HowPointsWork;
import io.kopilka.faq.ProgramExplanation;
import io.kopilka.program.Programs;
import io.kopilka.rules.Rules;
import io.kopilka.shared.Now;
import io.kopilka.shared.TenantId;
import io.kopilka.shared.Text;
import io.kopilka.shared.Texts;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.Tiers;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** Reads what the explanation is made of from the facades (each cached there) and renders it. */
@Service
class ProgramHelp implements HowPointsWork {
    private final Tenants tenants;
    private final Programs programs;
    private final Rules rules;
    private final Tiers tiers;
    private final Clock clock;

    ProgramHelp(Tenants tenants, Programs programs, Rules rules, Tiers tiers, Clock clock) {
        this.tenants = tenants;
        this.programs = programs;
        this.rules = rules;
        this.tiers = tiers;
        this.clock = clock;
    }

    @Override
    public Explanation explain(TenantId tenant, Locale locale) {
        Tenant business = tenants.get(tenant);
        Language language = Language.fromTag(locale.getLanguage()).orElse(Language.EN);
        List<Text> texts = ProgramExplanation.of(programs.of(tenant), business.currency(),
                rules.current(tenant).rules(), tiers.ladder(tenant), Now.of(clock));
        Texts words = Texts.messages();
        return new Explanation(language, texts.stream().map(t -> words.render(t, language.tag())).toList(), texts);
    }
}
