package io.kopilka.web.admin.catalog;

import io.kopilka.cause.Cause;
import io.kopilka.cause.CauseDraft;
import io.kopilka.cause.CauseValidation;
import io.kopilka.cause.Causes;
import io.kopilka.shared.Ids;
import io.kopilka.shared.Now;
import io.kopilka.shared.Texts;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Causes members give points to ("plant a tree"): the list with what has been given, a cause's form,
 * and closing one. A closed cause takes no more points and keeps its totals: the API's delete.
 */
@Controller
class CausePages {
    /** Russian nouns after a count: 1 дерево, 2 дерева, 5 деревьев (the other languages need no forms by hand). */
    static final List<String> RUSSIAN_FORMS = List.of("one", "few", "many");
    private final Causes causes;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final Clock clock;

    CausePages(Causes causes, Tenants tenants, Idempotency idempotency, Clock clock) {
        this.causes = causes;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * A cause as the list shows it.
     *
     * @param reached  "120 деревьев": the whole units given, in the reader's language
     * @param percent  the goal's progress, 0 to 100 (a bar); null without a goal
     */
    record Row(String id, String name, long totalPoints, String reached, Long goalUnits, Integer percent,
               long donors, long pointsPerUnit, boolean active) {
    }

    @GetMapping("/admin/causes")
    String list(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String after, Model model,
                Locale locale) {
        UUID cursor = after == null ? null : Ids.parse(after).orElse(null);
        List<Cause> rows = causes.page(me.tenant(), false, cursor, RewardPages.PAGE + 1);
        model.addAttribute("rows", rows.stream().limit(RewardPages.PAGE).map(c -> row(c, locale)).toList());
        model.addAttribute("next", rows.size() > RewardPages.PAGE
                ? "/admin/causes?after=" + rows.get(RewardPages.PAGE - 1).id() : null);
        model.addAttribute("first", cursor == null ? null : "/admin/causes");
        return "admin/catalog/causes";
    }

    @GetMapping("/admin/causes/new")
    String create(@AuthenticationPrincipal StaffMember me, Model model, Locale locale) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("pointsPerUnit", "500");
        form.put("active", "true");
        return form(me, model, null, form, FormErrors.none(), locale);
    }

    @PostMapping("/admin/causes/new")
    String create(@AuthenticationPrincipal StaffMember me, @RequestParam Map<String, String> posted, Model model,
                  Locale locale, HttpServletRequest request, HttpServletResponse response) {
        FormInput input = new FormInput(posted);
        try {
            CauseDraft draft = draft(input, null);
            Cause created = idempotency.run(me.tenant(), "causes", null, posted, Cause.class,
                    () -> causes.create(me.caller(), draft, Now.of(clock))).body();
            if (CatalogSupport.htmx(request)) {
                response.setHeader("HX-Push-Url", "/admin/causes/" + created.id());
                model.addAttribute("saved", true);
                return form(me, model, created, values(created), FormErrors.none(), locale) + " :: editor";
            }
            return "redirect:/admin/causes/" + created.id() + "?saved";
        } catch (ApiProblem problem) {
            CatalogSupport.refused(model, problem, locale, response);
            String view = form(me, model, null, input.values(), (FormErrors) model.getAttribute("errors"), locale);
            return CatalogSupport.htmx(request) ? view + " :: editor" : view;
        }
    }

    @GetMapping("/admin/causes/{id}")
    String edit(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                @RequestParam(required = false) String saved, Model model, Locale locale) {
        Cause cause = find(me, id);
        model.addAttribute("saved", saved != null);
        return form(me, model, cause, values(cause), FormErrors.none(), locale);
    }

    @PostMapping("/admin/causes/{id}")
    String edit(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                @RequestParam Map<String, String> posted, Model model, Locale locale, HttpServletRequest request,
                HttpServletResponse response) {
        Cause existing = find(me, id);
        FormInput input = new FormInput(posted);
        try {
            CauseDraft draft = draft(input, existing);
            Cause saved = idempotency.run(me.tenant(), "cause-replace:" + existing.id(), null, posted, Cause.class,
                    () -> causes.replace(me.caller(), existing.id(), draft, Now.of(clock))).body();
            if (CatalogSupport.htmx(request)) {
                model.addAttribute("saved", true);
                return form(me, model, saved, values(saved), FormErrors.none(), locale) + " :: editor";
            }
            return "redirect:/admin/causes/" + id + "?saved";
        } catch (ApiProblem problem) {
            CatalogSupport.refused(model, problem, locale, response);
            String view = form(me, model, existing, input.values(), (FormErrors) model.getAttribute("errors"), locale);
            return CatalogSupport.htmx(request) ? view + " :: editor" : view;
        }
    }

    @PostMapping("/admin/causes/{id}/close")
    String close(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Model model, Locale locale,
                 HttpServletRequest request) {
        Cause cause = find(me, id);
        idempotency.runWithoutBody(me.tenant(), "cause-deactivate", null, cause.id(),
                () -> causes.deactivate(me.caller(), cause.id(), Now.of(clock)));
        if (CatalogSupport.htmx(request)) {
            model.addAttribute("c", row(find(me, id), locale));
            return "admin/catalog/causes :: row";
        }
        return "redirect:/admin/causes";
    }

    private Cause find(StaffMember me, String id) {
        UUID uuid = Ids.parse(id).orElseThrow(() -> ApiProblem.notFound("Cause"));
        return causes.byId(me.tenant(), uuid).orElseThrow(() -> ApiProblem.notFound("Cause"));
    }

    private String form(StaffMember me, Model model, Cause cause, Map<String, String> form, FormErrors errors,
                        Locale locale) {
        Tenant tenant = tenants.get(me.tenant());
        model.addAttribute("cause", cause == null ? null : row(cause, locale));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("nameFields", CatalogSupport.nameFields(tenant));
        model.addAttribute("languages", Texts.LANGUAGES);
        model.addAttribute("russianForms", RUSSIAN_FORMS);
        model.addAttribute("action", cause == null ? "/admin/causes/new" : "/admin/causes/" + cause.id());
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", false);
        }
        return "admin/catalog/cause";
    }

    private static Row row(Cause c, Locale locale) {
        CauseDraft d = c.draft();
        String language = Texts.LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "ru";
        long units = c.units();
        Integer percent = d.goalUnits() == null ? null
                : (int) Math.min(100, units * 100 / Math.max(1, d.goalUnits()));
        return new Row(c.id().toString(), d.names().in(language), c.totalPoints(),
                units + " " + d.unit().word(language, units), d.goalUnits(), percent, c.donors(), d.pointsPerUnit(),
                d.active());
    }

    private static Map<String, String> values(Cause c) {
        CauseDraft d = c.draft();
        Map<String, String> form = new LinkedHashMap<>();
        CatalogSupport.putNames(form, "name", d.names().name(), d.names().names());
        form.put("description", d.description() == null ? "" : d.description());
        d.unit().unit().forEach((language, word) -> form.put("unit." + language, word));
        if (d.verb() != null) {
            d.verb().forEach((language, word) -> form.put("verb." + language, word));
        }
        d.unit().forms().getOrDefault("ru", Map.of()).forEach((category, word) -> form.put("unitForms.ru." + category, word));
        form.put("pointsPerUnit", String.valueOf(d.pointsPerUnit()));
        form.put("goalUnits", FormInput.text(d.goalUnits()));
        form.put("active", String.valueOf(d.active()));
        return form;
    }

    /** The cause the form describes; the unit's plural forms, which the form does not show, are kept. */
    private static CauseDraft draft(FormInput in, Cause kept) {
        Long perUnit = in.whole("pointsPerUnit");
        Long goal = in.whole("goalUnits");
        in.check();
        Map<String, String> unit = new LinkedHashMap<>();
        Map<String, String> verb = new LinkedHashMap<>();
        for (String language : Texts.LANGUAGES) {
            unit.put(language, in.text("unit." + language));
            if (in.text("verb." + language) != null) {
                verb.put(language, in.text("verb." + language));
            }
        }
        unit.values().removeIf(java.util.Objects::isNull);
        // Russian forms are on the form; another language's, given through the API, are kept while its word
        // is: a form for the old word ("ағаштар") is wrong for a new one.
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        if (kept != null) {
            kept.draft().unit().forms().forEach((language, byCategory) -> {
                if (!language.equals("ru")
                        && java.util.Objects.equals(kept.draft().unit().unit().get(language), unit.get(language))) {
                    forms.put(language, byCategory);
                }
            });
        }
        Map<String, String> russian = new LinkedHashMap<>();
        for (String category : RUSSIAN_FORMS) {
            if (in.text("unitForms.ru." + category) != null) {
                russian.put(category, in.text("unitForms.ru." + category));
            }
        }
        if (!russian.isEmpty()) {
            forms.put("ru", russian);
        }
        return CauseValidation.check(new CauseValidation.Input(in.text("name"), CatalogSupport.names(in, "names"),
                in.text("description"), unit, forms.isEmpty() ? null : forms,
                verb.isEmpty() ? null : verb, perUnit, goal, in.checked("active")));
    }
}
