package io.kopilka.web.admin.faq;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.faq.Faq;
import io.kopilka.faq.FaqList;
import io.kopilka.faq.FaqValidation;
import io.kopilka.faq.HowPointsWork;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenants;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owner's questions and answers, one language at a time (tabs), with what customers read about
 * the program itself beside them. Adding, removing and moving a row are buttons of the one form, so
 * the page works without JavaScript (a full page each time) and with htmx (the form alone); only
 * "save" and "reset" write, through {@link Faq}, audited as the API does.
 */
@Controller
class FaqPage {
    private final Faq faq;
    private final HowPointsWork how;
    private final Tenants tenants;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    FaqPage(Faq faq, HowPointsWork how, Tenants tenants, AuditLog audit, TransactionTemplate tx) {
        this.faq = faq;
        this.how = how;
        this.tenants = tenants;
        this.audit = audit;
        this.tx = tx;
    }

    @GetMapping("/admin/faq")
    String page(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String locale,
                @RequestParam(required = false) String saved, @RequestParam(required = false) String reset,
                Model model) {
        Language language = language(me, locale);
        FaqList list = faq.questions(me.tenant(), language);
        FaqForm form = FaqForm.of(list.items());
        return show(me, language, list.custom(), form, FormErrors.none(), saved != null, reset != null, model, false);
    }

    @PostMapping("/admin/faq")
    String post(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String locale,
                @RequestParam MultiValueMap<String, String> fields, @RequestParam(defaultValue = "save") String action, Locale screen, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        Language language = language(me, locale);
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        FaqForm form = FaqForm.read(fields.toSingleValueMap());
        boolean custom = faq.questions(me.tenant(), language).custom();
        if (action.equals("reset")) {
            tx.executeWithoutResult(status -> {
                FaqList before = faq.questions(me.tenant(), language);
                FaqList after = faq.reset(me.tenant(), language);
                if (before.custom()) {
                    audit.record(me.caller(), new Change("faq.reset", "faq", language.tag(), before, after, null));
                }
            });
            if (!htmx) {
                return "redirect:/admin/faq?locale=" + language.tag() + "&reset";
            }
            FaqForm defaults = FaqForm.of(faq.questions(me.tenant(), language).items());
            return show(me, language, false, defaults, FormErrors.none(), false, true, model, true);
        }
        if (!action.equals("save")) {
            return show(me, language, custom, form.apply(action), FormErrors.none(), false, false, model, htmx);
        }
        FaqForm kept = form.withoutBlankRows();
        try {
            tx.executeWithoutResult(status -> {
                FaqList before = faq.questions(me.tenant(), language);
                FaqList after = faq.replace(me.tenant(), language, kept.items());
                audit.record(me.caller(), Change.updated("faq", language.tag(), before, after));
            });
        } catch (ApiProblem problem) {
            response.setStatus(problem.status());
            return show(me, language, custom, kept, FormErrors.of(problem, screen), false, false, model, htmx);
        }
        if (!htmx) {
            return "redirect:/admin/faq?locale=" + language.tag() + "&saved";
        }
        return show(me, language, true, kept, FormErrors.none(), true, false, model, true);
    }

    private Language language(StaffMember me, String locale) {
        return Language.fromTag(locale).orElseGet(() -> tenants.get(me.tenant()).locale());
    }

    private String show(StaffMember me, Language language, boolean custom, FaqForm form, FormErrors errors,
                        boolean saved, boolean reset, Model model, boolean fragment) {
        model.addAttribute("language", language);
        model.addAttribute("languages", Arrays.asList(Language.values()));
        model.addAttribute("custom", custom);
        model.addAttribute("rows", form.rows());
        model.addAttribute("maxRows", FaqValidation.MAX_ITEMS);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved);
        model.addAttribute("reset", reset);
        if (fragment) {
            return "admin/faq/faq :: editor";
        }
        model.addAttribute("explanations", Arrays.stream(Language.values())
                .map(l -> how.explain(me.tenant(), l.locale())).toList());
        model.addAttribute("slug", tenants.get(me.tenant()).slug());
        return "admin/faq/faq";
    }
}
