package io.kopilka.web.admin.rules;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.rules.Rule;
import io.kopilka.rules.RuleDocument;
import io.kopilka.rules.Rules;
import io.kopilka.shared.Ids;
import io.kopilka.shared.RuleId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.CursorText;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rules: a list (live or archived, paged in evaluation order), a page per rule with its kind's own
 * fields, create, edit and archive. Saved through {@link Rules} and audited as the API does.
 */
@Controller
class RulePages {
    static final int PAGE = 20;

    private final Rules rules;
    private final Tenants tenants;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final RuleEditor editor;

    RulePages(Rules rules, Tenants tenants, AuditLog audit, TransactionTemplate tx, RuleEditor editor) {
        this.rules = rules;
        this.tenants = tenants;
        this.audit = audit;
        this.tx = tx;
        this.editor = editor;
    }

    /** A row of the list: the rule's document (what it gives, in the API's words) and its state. */
    record Row(RuleDocument rule, boolean archived) {
        /** The one figure the list's summary of the rule names: its percent, points, factor or steps. */
        public Object amount() {
            if (rule.percent() != null) {
                return rule.percent().stripTrailingZeros().toPlainString();
            }
            if (rule.factor() != null) {
                return rule.factor().stripTrailingZeros().toPlainString();
            }
            if (rule.points() != null) {
                return rule.points();
            }
            return rule.steps() == null ? 0 : rule.steps().size();
        }
    }

    @GetMapping("/admin/rules")
    String list(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "active") String status,
                @RequestParam(required = false) String after, @RequestParam(required = false) String archived,
                Model model, HttpServletRequest request) {
        boolean showArchived = status.equals("archived");
        Rules.Position from = position(after);
        ZoneId zone = zone(me);
        List<Rules.Listed> page = showArchived ? rules.archivedPage(me.tenant(), from, PAGE + 1)
                : rules.page(me.tenant(), from, PAGE + 1);
        model.addAttribute("rows", page.stream().limit(PAGE)
                .map(l -> new Row(RuleDocument.of(l.rule(), zone), showArchived)).toList());
        model.addAttribute("status", showArchived ? "archived" : "active");
        model.addAttribute("next", page.size() > PAGE ? cursor(page.get(PAGE - 1).position()) : null);
        model.addAttribute("first", after == null);
        model.addAttribute("justArchived", archived != null);
        return "admin/rules/list";
    }

    @GetMapping("/admin/rules/new")
    String create(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String kind, Locale locale,
                  Model model, HttpServletRequest request) {
        RuleEditor.State state = RuleEditor.State.of(RuleForm.blank(kind), null);
        return editor.show(me, state, locale, model, Htmx.request(request) && kind != null ? "kindFields" : null);
    }

    @GetMapping("/admin/rules/{id}")
    String edit(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String saved,
                Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<Rule> rule = find(me, id);
        if (rule.isEmpty()) {
            response.setStatus(404);
            return "admin/rules/missing";
        }
        RuleForm form = RuleForm.of(RuleDocument.of(rule.get(), zone(me)), zone(me));
        if (kind != null && RuleForm.knownKind(kind)) {
            form.f().put("kind", kind);
        }
        RuleEditor.State state = RuleEditor.State.of(form, id);
        if (saved != null) {
            state = state.savedAs(form, id);
        }
        return editor.show(me, state, locale, model, Htmx.request(request) && kind != null ? "kindFields" : null);
    }

    @PostMapping("/admin/rules")
    String create(@AuthenticationPrincipal StaffMember me, @RequestParam MultiValueMap<String, String> posted,
                  Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        RuleForm form = RuleEditor.read(posted);
        ZoneId zone = zone(me);
        try {
            RuleDocument created = tx.execute(status -> {
                RuleDocument doc = RuleDocument.of(rules.create(me.tenant(), form.document(null, zone)
                        .toRule(RuleId.next())), zone);
                audit.record(me.caller(), Change.created("rule", doc.id(), doc));
                return doc;
            });
            return saved(me, created, zone, locale, model, request, response);
        } catch (ApiProblem problem) {
            return editor.refused(me, RuleEditor.State.of(form, null), problem, locale, model, Htmx.request(request),
                    response);
        }
    }

    @PostMapping("/admin/rules/{id}")
    String update(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                  @RequestParam MultiValueMap<String, String> posted, Locale locale, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        if (find(me, id).isEmpty()) {
            response.setStatus(404);
            return "admin/rules/missing";
        }
        RuleId ruleId = new RuleId(UUID.fromString(id));
        RuleForm form = RuleEditor.read(posted);
        ZoneId zone = zone(me);
        try {
            RuleDocument replaced = tx.execute(status -> {
                RuleDocument before = rules.byId(me.tenant(), ruleId).map(r -> RuleDocument.of(r, zone))
                        .orElseThrow(() -> ApiProblem.notFound("Rule"));
                RuleDocument after = RuleDocument.of(rules.replace(me.tenant(), ruleId,
                        form.document(id, zone).toRule(ruleId)), zone);
                audit.record(me.caller(), Change.updated("rule", id, before, after));
                return after;
            });
            return saved(me, replaced, zone, locale, model, request, response);
        } catch (ApiProblem problem) {
            return editor.refused(me, RuleEditor.State.of(form, id), problem, locale, model, Htmx.request(request),
                    response);
        }
    }

    @PostMapping("/admin/rules/{id}/archive")
    String archive(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Model model,
                   HttpServletRequest request, HttpServletResponse response) {
        if (find(me, id).isEmpty()) {
            response.setStatus(404);
            return "admin/rules/missing";
        }
        RuleId ruleId = new RuleId(UUID.fromString(id));
        ZoneId zone = zone(me);
        RuleDocument archived = tx.execute(status -> {
            RuleDocument before = rules.byId(me.tenant(), ruleId).map(r -> RuleDocument.of(r, zone)).orElse(null);
            rules.delete(me.tenant(), ruleId);
            audit.record(me.caller(), new Change("rule.archived", "rule", id, before, null, null));
            return before;
        });
        if (Htmx.request(request)) {
            model.addAttribute("row", new Row(archived, true));
            return "admin/rules/rows :: archivedRow";
        }
        return "redirect:/admin/rules?archived";
    }

    private String saved(StaffMember me, RuleDocument rule, ZoneId zone, Locale locale, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        if (!Htmx.request(request)) {
            return "redirect:/admin/rules/" + rule.id() + "?saved";
        }
        // In place: the editor now edits the saved rule, and the address says so.
        response.setHeader("HX-Push-Url", "/admin/rules/" + rule.id());
        RuleForm form = RuleForm.of(rule, zone);
        return editor.show(me, RuleEditor.State.of(form, rule.id()).savedAs(form, rule.id()), locale, model, "editor");
    }

    /** The tenant's live rule with this id; another tenant's id, or no id at all, is simply not found. */
    private Optional<Rule> find(StaffMember me, String id) {
        return Ids.parse(id).map(RuleId::new).flatMap(ruleId -> rules.byId(me.tenant(), ruleId));
    }

    private ZoneId zone(StaffMember me) {
        return tenants.get(me.tenant()).timezone();
    }

    private static Rules.Position position(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return CursorText.parse(after, 3,
                    p -> new Rules.Position(Integer.parseInt(p[0]), Instant.parse(p[1]), UUID.fromString(p[2])));
        } catch (RuntimeException e) {
            return null; // a cursor someone edited by hand: the first page
        }
    }

    private static String cursor(Rules.Position p) {
        return CursorText.of(p.priority(), p.createdAt(), p.id());
    }
}
