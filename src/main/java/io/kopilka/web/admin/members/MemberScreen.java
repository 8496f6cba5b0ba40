package io.kopilka.web.admin.members;

import io.kopilka.member.Member;
import io.kopilka.shared.Money;
import io.kopilka.shared.Now;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.StaffRole;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.Metric;
import io.kopilka.tier.TierProgress;
import java.math.BigDecimal;
import io.kopilka.tier.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the member's page template is given, whether it is shown whole or one of its parts is answered. */
@Component
class MemberScreen {
    /** The consents the bundles have a name for; any other key of a tenant's own is shown as it is. */
    static final Set<String> CONSENT_KEYS = Set.of("email", "sms", "telegram", "marketing");

    private final MemberFile file;
    private final Tenants tenants;
    private final Clock clock;

    MemberScreen(MemberFile file, Tenants tenants, Clock clock) {
        this.file = file;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * @param done  the action just done, for the notice at the top ({@code console.members.done.<done>}); or null
     * @param state the form refused, if one was
     */
    void fill(Model model, StaffMember me, Member member, TimeCursor historyAfter, String done, FormState state,
              Locale locale) {
        Tenant tenant = tenants.get(me.tenant());
        Instant now = Now.of(clock);
        MemberFile.View view = file.of(me.tenant(), member, historyAfter, now);
        model.addAttribute("m", view.member());
        model.addAttribute("file", view);
        model.addAttribute("fmt", new Formats(tenant.timezone(), locale));
        model.addAttribute("remaining", remaining(view, tenant));
        model.addAttribute("now", now);
        model.addAttribute("nextLevel", nextLevel(view));
        model.addAttribute("historyPaged", historyAfter != null);
        model.addAttribute("consentKeys", CONSENT_KEYS);
        model.addAttribute("done", done);
        model.addAttribute("state", state == null ? FormState.fresh() : state);
        model.addAttribute("mayErase", me.role() == StaffRole.OWNER && !member.erased());
        model.addAttribute("eraseWord", EraseConfirmation.word(locale));
        model.addAttribute("attributesText", Attributes.text(member.attributes()));
    }

    private static String nextLevel(MemberFile.View view) {
        TierProgress tier = view.balance().tier();
        if (tier == null || tier.nextTier() == null) {
            return null;
        }
        return view.ladder().level(tier.nextTier()).map(Level::name).orElse(tier.nextTier());
    }

    /** What is left to the next level as the owner reads it: money for spend, a number for points and visits. */
    private static String remaining(MemberFile.View view, Tenant tenant) {
        TierProgress tier = view.balance().tier();
        if (tier == null || tier.remaining() == null) {
            return null;
        }
        BigDecimal left = new BigDecimal(tier.remaining());
        return view.ladder().metric() == Metric.SPEND ? Money.of(left, tenant.currency()).printed()
                : left.toPlainString();
    }
}
