package io.kopilka.web.admin.rules;

import io.kopilka.shared.Texts;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * The rule's page as the create, edit and simulate answers all show it: the kind picker, the form with
 * that kind's fields, its errors (a condition's at its line and column), and the simulation's panel.
 */
@Component
class RuleEditor {
    static final List<Integer> PURCHASE_COUNTS = List.of(100, 500, 1000, 5000);
    static final int DEFAULT_PURCHASES = 500;
    private static final Texts TEXTS = Texts.messages();

    private final Choices choices;

    RuleEditor(Choices choices) {
        this.choices = choices;
    }

    /** A state of the editor: the form, whether it was saved, its errors, and a simulation if one ran. */
    record State(RuleForm form, String id, boolean saved, FormErrors errors, ConditionError condition,
                 SimulationView simulation, int lastPurchases) {
        static State of(RuleForm form, String id) {
            return new State(form, id, false, FormErrors.none(), null, null, DEFAULT_PURCHASES);
        }

        State refused(ApiProblem problem, Locale locale) {
            FormErrors errors = Htmx.onFields(FormErrors.of(problem, locale), RuleForm::field);
            ConditionError at = ConditionError.of(problem, form.get("condition"));
            if (at != null) {
                // The line and column are shown under the condition in the reader's words, not CEL's English.
                Map<String, String> fields = new LinkedHashMap<>(errors.fields());
                fields.remove("condition");
                errors = new FormErrors(errors.summary(), fields);
            }
            return new State(form, id, false, errors, at, null, lastPurchases);
        }

        State simulated(SimulationView view) {
            return new State(form, id, false, FormErrors.none(), null, view, lastPurchases);
        }

        State savedAs(RuleForm saved, String savedId) {
            return new State(saved, savedId, true, FormErrors.none(), null, null, lastPurchases);
        }
    }

    /** The form as posted: one value a field, the ticked days, and "stackable" off when its box is not ticked. */
    static RuleForm read(MultiValueMap<String, String> posted) {
        Map<String, String> f = new LinkedHashMap<>();
        posted.forEach((k, v) -> {
            if (!k.equals("days") && !k.equals("_csrf") && !v.isEmpty()) {
                f.put(k, v.getFirst());
            }
        });
        f.put("stackable", String.valueOf(posted.containsKey("stackable")));
        Set<String> days = new LinkedHashSet<>(posted.getOrDefault("days", List.of()));
        days.retainAll(RuleForm.DAYS);
        return new RuleForm(f, days);
    }

    static int lastPurchases(MultiValueMap<String, String> posted) {
        String n = posted.getFirst("lastPurchases");
        return n != null && n.matches("\\d{1,5}") && PURCHASE_COUNTS.contains(Integer.parseInt(n))
                ? Integer.parseInt(n) : DEFAULT_PURCHASES;
    }

    /** The page, or with {@code fragment} one of its parts ("editor", "kindFields", "simulation"). */
    String show(StaffMember me, State state, Locale locale, Model model, String fragment) {
        model.addAttribute("rule", state.form());
        model.addAttribute("f", state.form().f());
        model.addAttribute("ruleId", state.id());
        model.addAttribute("saved", state.saved());
        model.addAttribute("errors", state.errors());
        model.addAttribute("conditionError", state.condition());
        model.addAttribute("simulation", state.simulation());
        model.addAttribute("lastPurchases", state.lastPurchases());
        model.addAttribute("purchaseCounts", PURCHASE_COUNTS);
        model.addAttribute("kinds", RuleForm.KINDS.stream().map(k -> new Choices.Choice(k,
                TEXTS.format("console.rules.kind." + k, new Object[0], locale.getLanguage()))).toList());
        model.addAttribute("days", RuleForm.DAYS);
        String kind = state.form().kind();
        if (kind.equals("issue_coupon")) {
            model.addAttribute("choices", choices.rewards(me.tenant(), locale));
        } else if (kind.equals("cause_contribution")) {
            model.addAttribute("choices", choices.causes(me.tenant(), locale));
        } else {
            model.addAttribute("choices", List.of());
        }
        return fragment == null ? "admin/rules/edit" : "admin/rules/edit :: " + fragment;
    }

    /** A refused form answers 422; to htmx, in place of the whole editor (wherever the request aimed). */
    String refused(StaffMember me, State state, ApiProblem problem, Locale locale, Model model, boolean htmx,
                   HttpServletResponse response) {
        response.setStatus(problem.status() == 404 ? 404 : 422);
        if (htmx) {
            response.setHeader("HX-Retarget", "#rule-editor");
            response.setHeader("HX-Reswap", "outerHTML");
        }
        return show(me, state.refused(problem, locale), locale, model, htmx ? "editor" : null);
    }
}
