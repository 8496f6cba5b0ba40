package io.kopilka.web.admin.rules;

import io.kopilka.purchase.Simulations;
import io.kopilka.rules.Rule;
import io.kopilka.rules.Rules;
import io.kopilka.shared.Ids;
import io.kopilka.shared.RuleId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "What would this change do?": the live rule set with the rule as the form has it now (in place of
 * its saved version, or added) run over the last purchases beside the live rules, writing nothing
 * ({@link Simulations#history}, as {@code POST /api/v1/rules/simulate} with {@code lastPurchases} does).
 */
@Controller
class RuleSimulationPage {
    private final Simulations simulations;
    private final Rules rules;
    private final Tenants tenants;
    private final RuleEditor editor;

    RuleSimulationPage(Simulations simulations, Rules rules, Tenants tenants, RuleEditor editor) {
        this.simulations = simulations;
        this.rules = rules;
        this.tenants = tenants;
        this.editor = editor;
    }

    @PostMapping("/admin/rules/simulate")
    String simulateNew(@AuthenticationPrincipal StaffMember me, @RequestParam MultiValueMap<String, String> posted,
                       Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        return simulate(me, null, posted, locale, model, request, response);
    }

    @PostMapping("/admin/rules/{id}/simulate")
    String simulateEdit(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                        @RequestParam MultiValueMap<String, String> posted, Locale locale, Model model,
                        HttpServletRequest request, HttpServletResponse response) {
        Optional<RuleId> ruleId = Ids.parse(id).map(RuleId::new);
        if (ruleId.isEmpty() || rules.byId(me.tenant(), ruleId.get()).isEmpty()) {
            response.setStatus(404);
            return "admin/rules/missing";
        }
        return simulate(me, ruleId.get(), posted, locale, model, request, response);
    }

    private String simulate(StaffMember me, RuleId id, MultiValueMap<String, String> posted, Locale locale,
                            Model model, HttpServletRequest request, HttpServletResponse response) {
        RuleForm form = RuleEditor.read(posted);
        RuleEditor.State state = new RuleEditor.State(form, id == null ? null : id.toString(), false,
                io.kopilka.web.common.FormErrors.none(), null, null, RuleEditor.lastPurchases(posted));
        boolean htmx = Htmx.request(request);
        ZoneId zone = tenants.get(me.tenant()).timezone();
        try {
            RuleId draftId = id == null ? RuleId.next() : id;
            Rule draft = form.document(draftId.toString(), zone).toRule(draftId);
            List<Rule> drafts = new ArrayList<>();
            for (Rule live : rules.current(me.tenant()).rules()) {
                drafts.add(live.id().equals(draftId) ? draft : live);
            }
            if (id == null) {
                drafts.add(draft);
            }
            SimulationView view = SimulationView.of(simulations.history(me.tenant(), drafts, state.lastPurchases()));
            return editor.show(me, state.simulated(view), locale, model, htmx ? "editor" : null);
        } catch (ApiProblem problem) {
            return editor.refused(me, state, problem, locale, model, htmx, response);
        }
    }
}
