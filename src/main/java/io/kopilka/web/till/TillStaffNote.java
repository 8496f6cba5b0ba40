package io.kopilka.web.till;

import io.kopilka.member.Member;
import io.kopilka.member.StaffNotes;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's note on the member, written at the till ("prefers Aidos"): through the same facade as
 * {@code PUT /api/v1/members/{id}/note}, audited with the cashier; an empty text deletes it.
 */
@Controller
class TillStaffNote {
    private final StaffNotes notes;
    private final TillScreen screen;
    private final Clock clock;

    TillStaffNote(StaffNotes notes, TillScreen screen, Clock clock) {
        this.notes = notes;
        this.screen = screen;
        this.clock = clock;
    }

    @PostMapping("/till/members/{id}/note")
    String write(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                 @RequestParam(defaultValue = "") String text, Locale locale, Model model, HttpServletResponse response) {
        Member member = screen.member(me, id);
        try {
            notes.write(me.caller(), member.id(), text, Now.of(clock));
            return "redirect:/till/members/" + member.id().value() + "?done=note";
        } catch (ApiProblem refused) {
            screen.fill(model, me, member, CheckForm.fresh(null), locale);
            response.setStatus(refused.status() == 409 ? 409 : 422);
            model.addAttribute("noteErrors", TillErrors.of(refused, locale));
            model.addAttribute("noteText", text);
            return "till/member";
        }
    }
}
