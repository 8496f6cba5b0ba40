package io.kopilka.web.admin.members;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.gift.Gift;
import io.kopilka.gift.Gifts;
import io.kopilka.ledger.Adjustment;
import io.kopilka.ledger.Ledger;
import io.kopilka.member.Member;
import io.kopilka.member.MemberErasure;
import io.kopilka.member.Members;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.ScreenAccess;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.StaffRole;
import io.kopilka.tier.MemberTier;
import io.kopilka.tier.Tiers;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What staff do on a member's page. Each action calls the facade the API's controller calls, with the
 * same audit entry, the staff member named as its actor. With htmx the answer is the page's body,
 * changed in place (a refusal at its fields, status 422); without, a redirect back to the page
 * (POST/redirect/GET) or the page with the refusal.
 */
@Controller
class MemberActions {
    private final Members members;
    private final MemberErasure erasure;
    private final Ledger ledger;
    private final Gifts gifts;
    private final Tiers tiers;
    private final AuditLog audit;
    private final MemberScreen screen;
    private final TransactionTemplate tx;
    private final Clock clock;

    MemberActions(Members members, MemberErasure erasure, Ledger ledger, Gifts gifts, Tiers tiers, AuditLog audit,
                  MemberScreen screen, TransactionTemplate tx, Clock clock) {
        this.members = members;
        this.erasure = erasure;
        this.ledger = ledger;
        this.gifts = gifts;
        this.tiers = tiers;
        this.audit = audit;
        this.screen = screen;
        this.tx = tx;
        this.clock = clock;
    }

    /** The form as sent: what one action needs, and a reader of its fields for the refusal. */
    private record Sent(StaffMember me, String id, String htmx, Locale locale, Model model, HttpServletResponse response,
                        String form, Map<String, String> typed) {
    }

    @PostMapping("/admin/members/{id}/profile")
    String profile(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                   @RequestParam Map<String, String> form,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
                   HttpServletResponse response) {
        return act(new Sent(me, id, htmx, locale, model, response, "profile", form), member -> tx.executeWithoutResult(s -> {
            Member before = members.lock(me.tenant(), member.id());
            Member after = members.update(me.tenant(), member.id(),
                    new Members.MemberChanges(ProfileForm.changes(form, before)));
            audit.record(me.caller(), Change.updated("member", member.id().toString(), Snapshot.of(before),
                    Snapshot.of(after)));
        }));
    }

    /** Points given or taken by hand: the ledger's adjustment, as {@code POST /members/{id}/adjustments}. */
    @PostMapping("/admin/members/{id}/points")
    String points(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                  @RequestParam Map<String, String> form,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
                  HttpServletResponse response) {
        return act(new Sent(me, id, htmx, locale, model, response, "points", form), member -> {
            Long points = ProfileForm.number(form.get("points"), "points");
            if (points != null && "take".equals(form.get("direction"))) {
                points = -points;
            }
            Adjustment adjustment = Adjustment.of(points, form.get("reason"), ProfileForm.blankToNull(form.get("note")));
            Caller caller = me.caller();
            tx.executeWithoutResult(s -> {
                ledger.adjust(me.tenant(), member, adjustment, caller.actor(), Now.of(clock));
                audit.record(caller, new Change("points.adjusted", "points", member.id().toString(), null,
                        new Adjusted(adjustment.points(), adjustment.reason(), adjustment.note()), adjustment.reason()));
            });
        });
    }

    /** A gift of points with a reason the member reads in their history, as {@code POST /members/{id}/gifts}. */
    @PostMapping("/admin/members/{id}/gift")
    String gift(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                @RequestParam Map<String, String> form,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
                HttpServletResponse response) {
        return act(new Sent(me, id, htmx, locale, model, response, "gift", form), member -> {
            Gift gift = Gift.of(ProfileForm.number(form.get("points"), "points"), null,
                    ProfileForm.blankToNull(form.get("reason")), ProfileForm.blankToNull(form.get("note")));
            gifts.givePoints(me.caller(), member, (Gift.PointsGift) gift, Now.of(clock));
        });
    }

    @PostMapping("/admin/members/{id}/card")
    String card(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
                HttpServletResponse response) {
        return act(new Sent(me, id, htmx, locale, model, response, "card", Map.of()), member ->
                tx.executeWithoutResult(s -> {
                    Member before = members.lock(me.tenant(), member.id());
                    Member after = members.reissueCard(me.tenant(), member.id());
                    audit.record(me.caller(), new Change("member.card_reissued", "member", member.id().toString(),
                            CardHint.of(before), CardHint.of(after), null));
                }));
    }

    /** A level put by hand (a VIP), as {@code PUT /members/{id}/tier}. */
    @PostMapping("/admin/members/{id}/level")
    String level(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                 @RequestParam Map<String, String> form,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
                 HttpServletResponse response) {
        return act(new Sent(me, id, htmx, locale, model, response, "level", form), member -> {
            if (member.erased()) {
                throw ApiProblem.conflict("member_erased", "An erased member's level cannot be changed");
            }
            String code = form.getOrDefault("code", "");
            String reason = form.getOrDefault("reason", "");
            Caller caller = me.caller();
            tx.executeWithoutResult(s -> {
                Instant now = Now.of(clock);
                Level before = tiers.current(me.tenant(), member.id()).map(Level::of).orElse(null);
                Level after = Level.of(tiers.assign(me.tenant(), member.id(), code, reason, caller.actor(), now));
                if (before == null || !before.code().equals(after.code())) {
                    audit.record(caller, new Change("member.tier_assigned", "member", member.id().toString(), before,
                            after, reason.strip()));
                }
            });
        });
    }

    /** Owner only, and only with the word typed: erasing cannot be undone. */
    @PostMapping("/admin/members/{id}/erase")
    String erase(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                 @RequestParam(defaultValue = "") String confirm,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model,
                 HttpServletResponse response) {
        if (me.role() != StaffRole.OWNER) {
            // Answered here: an exception would reach the API's advice (a 500), not the security's 403 page.
            response.setStatus(403);
            model.addAttribute("home", ScreenAccess.home(me.role()));
            model.addAttribute("lang", locale.getLanguage());
            return "staff/denied";
        }
        return act(new Sent(me, id, htmx, locale, model, response, "erase", Map.of("confirm", confirm)), member -> {
            if (!EraseConfirmation.confirmed(confirm, locale)) {
                throw ApiProblem.invalid("confirm", "type the word to confirm");
            }
            erasure.erase(me.caller(), member.id());
        });
    }

    /**
     * Runs the action on the member named in the URL (another tenant's is 404 before anything runs),
     * then answers: the refreshed body with its notice, or the refusal at the form's fields.
     */
    private String act(Sent sent, Consumer<Member> action) {
        Member member = members.get(sent.me().tenant(), sent.id());
        FormState state = null;
        try {
            action.accept(member);
        } catch (ApiProblem problem) {
            state = new FormState(sent.form(), FormErrors.of(problem, sent.locale()), sent.typed());
            sent.response().setStatus(422);
        }
        if (state == null && sent.htmx() == null) {
            return "redirect:/admin/members/" + member.id() + "?done=" + done(sent.form());
        }
        Member now = members.get(sent.me().tenant(), sent.id());
        screen.fill(sent.model(), sent.me(), now, null, state == null ? done(sent.form()) : null, state,
                sent.locale());
        return sent.htmx() != null ? "admin/members/member :: body" : "admin/members/member";
    }

    private static String done(String form) {
        return "erase".equals(form) ? "erased" : form;
    }

    /** The member's fields as the audit log keeps a console edit's before and after. */
    record Snapshot(String name, String phone, String email, String birthDate, String locale,
                    Map<String, Object> attributes) {
        static Snapshot of(Member m) {
            return new Snapshot(m.name(), m.phone(), m.email(), m.birthDate() == null ? null : m.birthDate().toString(),
                    m.locale().tag(), m.attributes());
        }
    }

    /** As the API's adjustment is audited. */
    record Adjusted(long points, String reason, String note) {
    }

    /** A card number as the audit log keeps it: its last four digits, as the API's reissue does. */
    record CardHint(String cardNumber) {
        static CardHint of(Member member) {
            String card = member.cardNumber();
            return new CardHint(card == null ? null : "…" + card.substring(card.length() - 4));
        }
    }

    /** A member's level as the audit log keeps it, as the API's assignment does. */
    record Level(String code, String name, boolean manual) {
        static Level of(MemberTier tier) {
            return new Level(tier.level().code(), tier.level().name(), tier.manual());
        }
    }
}
