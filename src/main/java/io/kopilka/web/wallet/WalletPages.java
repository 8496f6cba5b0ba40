package io.kopilka.web.wallet;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.memberaccess.WalletMember;
import io.kopilka.shared.Now;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every wallet page starts from: the signed-in member of the page's own business, read fresh,
 * and the formats of their language. The security chain lets only a member of this slug in; the
 * check is repeated here so that a page can never show a member of another business.
 */
@Component
class WalletPages {
    private final Tenants tenants;
    private final Members members;
    private final Clock clock;

    WalletPages(Tenants tenants, Members members, Clock clock) {
        this.tenants = tenants;
        this.members = members;
        this.clock = clock;
    }

    /** The member's business, their record and how to write for them. */
    record Visit(Tenant tenant, Member member, WalletFormats formats) {
    }

    Visit visit(WalletMember me, String slug, Model model, Locale locale) {
        if (me == null || !me.slug().equals(slug)) {
            throw new WalletNotFound();
        }
        Tenant tenant = tenants.get(me.tenant());
        Member member = members.byId(me.tenant(), me.member()).filter(m -> !m.erased())
                .orElseThrow(WalletNotFound::new);
        return new Visit(tenant, member, new WalletFormats(tenant.timezone(), language(model, locale, member),
                Now.of(clock)));
    }

    /** The page's language as the wallet's model decided it, else the request's, else the member's. */
    private static String language(Model model, Locale locale, Member member) {
        if (model.getAttribute("lang") instanceof String lang && Language.fromTag(lang).isPresent()) {
            return lang;
        }
        return Language.fromTag(locale == null ? null : locale.getLanguage()).orElse(member.locale()).tag();
    }

    /** The member acting on their own points (an exchange, a donation), so the audit trail says it was them. */
    static Caller caller(WalletMember me) {
        return Caller.member(me.tenant(), me.member().value());
    }
}
