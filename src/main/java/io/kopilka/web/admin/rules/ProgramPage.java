package io.kopilka.web.admin.rules;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.program.ExpiryPolicy;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.shared.Texts;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The program's settings as one form, grouped the way an owner thinks of them (earning and spending,
 * expiry, gifts for joining and birthdays, friends, coming back, staff), with a sentence of help and
 * an example beside each field. Saved through {@link Programs#replace}, audited as the API does.
 */
@Controller
class ProgramPage {
    private static final Texts TEXTS = Texts.messages();

    private final Programs programs;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Choices choices;

    ProgramPage(Programs programs, AuditLog audit, TransactionTemplate tx, Choices choices) {
        this.programs = programs;
        this.audit = audit;
        this.tx = tx;
        this.choices = choices;
    }

    @GetMapping("/admin/program")
    String page(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String saved,
                Locale locale, Model model) {
        return show(me, ProgramForm.of(programs.of(me.tenant())), FormErrors.none(), saved != null, locale, model,
                false);
    }

    @PostMapping("/admin/program")
    String save(@AuthenticationPrincipal StaffMember me, @RequestParam MultiValueMap<String, String> form,
                Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, k.equals(ProgramForm.GIFT_REWARDS) ? String.join(",", v)
                : v.isEmpty() ? "" : v.getFirst()));
        values.putIfAbsent(ProgramForm.GIFT_REWARDS, "");
        boolean htmx = Htmx.request(request);
        try {
            Program saved = tx.execute(status -> {
                Program before = programs.of(me.tenant());
                Program after = programs.replace(me.tenant(), ProgramForm.read(new FormValues(values), 0));
                audit.record(me.caller(), Change.updated("program", null, before, after));
                return after;
            });
            if (!htmx) {
                return "redirect:/admin/program?saved";
            }
            return show(me, ProgramForm.of(saved), FormErrors.none(), true, locale, model, true);
        } catch (ApiProblem problem) {
            response.setStatus(problem.status());
            FormErrors errors = Htmx.onFields(FormErrors.of(problem, locale), ProgramForm::field);
            if (errors.has(ProgramForm.SHARE_PERCENT)) {
                // The facade speaks of a share from 0 to 1; the form asks for a percent.
                Map<String, String> fields = new LinkedHashMap<>(errors.fields());
                fields.put(ProgramForm.SHARE_PERCENT, TEXTS.format("console.program.share.invalid", new Object[0],
                        locale.getLanguage()));
                errors = new FormErrors(errors.summary(), fields);
            }
            return show(me, values, errors, false, locale, model, htmx);
        }
    }

    private String show(StaffMember me, Map<String, String> values, FormErrors errors, boolean saved, Locale locale,
                        Model model, boolean fragment) {
        model.addAttribute("f", values);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        List<Choices.Choice> rewards = choices.rewards(me.tenant(), locale);
        model.addAttribute("rewards", rewards);
        model.addAttribute("choices", rewards);
        model.addAttribute("expiryModes", java.util.Arrays.stream(ExpiryPolicy.Mode.values())
                .map(m -> new Choices.Choice(m.code(), TEXTS.format("console.program.expiryMode." + m.code(),
                        new Object[0], locale.getLanguage()))).toList());
        model.addAttribute("giftRewards", new java.util.HashSet<>(java.util.Arrays.asList(
                values.getOrDefault(ProgramForm.GIFT_REWARDS, "").split(","))));
        return fragment ? "admin/rules/program :: form" : "admin/rules/program";
    }
}
