package io.kopilka.web.admin.members;

import io.kopilka.member.CardNumbers;
import io.kopilka.member.Member;
import io.kopilka.member.MemberSearch;
import io.kopilka.member.Members;
import io.kopilka.member.PhoneNumbers;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.web.Page;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The members list: the newest first, or what the search finds. A whole phone number, typed as people
 * type it ("8 701 123 45 67"), finds its member exactly, as a till would; a card number too; any other
 * text looks in names, e-mails and the digits of phones. With htmx the results follow the typing.
 */
@Controller
class MemberListPage {
    static final int PAGE = 25;

    private final Members members;
    private final MemberSearch search;
    private final Tenants tenants;

    MemberListPage(Members members, MemberSearch search, Tenants tenants) {
        this.members = members;
        this.search = search;
        this.tenants = tenants;
    }

    @GetMapping({"/admin/members", "/admin/members/"})
    String list(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "") String q,
                @RequestParam(required = false) String before,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        Tenant tenant = tenants.get(me.tenant());
        String text = q.strip();
        MemberId after = before == null ? null : Ids.parse(before).map(MemberId::new).orElse(null);
        Page<Member> found = exact(tenant, text)
                .map(m -> new Page<>(List.of(m), null))
                .orElseGet(() -> Page.of(PAGE, n -> search.matching(me.tenant(), text, after, n), m -> m,
                        m -> m.id().toString()));
        model.addAttribute("q", text);
        model.addAttribute("found", found);
        model.addAttribute("paged", after != null);
        model.addAttribute("fmt", new Formats(tenant.timezone(), locale));
        return htmx != null ? "admin/members/list :: results" : "admin/members/list";
    }

    /** The one member a whole phone or card number names; an erased member is found by neither. */
    private Optional<Member> exact(Tenant tenant, String text) {
        String digits = text.replaceAll("\\D", "");
        if (digits.length() == CardNumbers.LENGTH && CardNumbers.isValid(CardNumbers.clean(text))) {
            Optional<Member> card = members.byCard(tenant.id(), text);
            if (card.isPresent()) {
                return card.filter(m -> !m.erased());
            }
        }
        if (digits.length() >= 10) {
            Optional<String> phone = PhoneNumbers.normalize(text, tenant.country());
            if (phone.isPresent()) {
                return members.byPhone(tenant.id(), text).filter(m -> !m.erased());
            }
        }
        return Optional.empty();
    }
}
