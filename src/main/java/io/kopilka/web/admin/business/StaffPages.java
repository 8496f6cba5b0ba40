package io.kopilka.web.admin.business;

import io.kopilka.shared.Ids;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.StaffAccounts;
import io.kopilka.tenant.StaffAccounts.Link;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.StaffRole;
import io.kopilka.tenant.Store;
import io.kopilka.tenant.Stores;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff accounts: the list, an invitation (its one-time link shown once, to pass on), and one
 * person's page to change their role, stores or language, send a new password link or deactivate
 * them. Without JavaScript the link survives the redirect as a flash attribute: shown on the next
 * page only, never stored.
 */
@Controller
class StaffPages {
    private static final String PAGE = "admin/business/staff";
    private static final String PERSON = "admin/business/staff-member";

    private final StaffAccounts staff;
    private final Stores stores;
    private final String base;

    StaffPages(StaffAccounts staff, Stores stores,
               @Value("${kopilka.public-url:http://localhost:8080}") String base) {
        this.staff = staff;
        this.stores = stores;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** What the invitation form shows back after a refusal. */
    record InviteForm(String email, String name, String role, List<String> stores, String language) {
        static InviteForm empty() {
            return new InviteForm("", "", "cashier", List.of(), "");
        }
    }

    /** A one-time link to pass on: the whole address, and until when it works. */
    record PassOn(String name, String url, java.time.Instant expiresAt) {
    }

    @GetMapping("/admin/staff")
    String list(@AuthenticationPrincipal StaffMember me, Model model) {
        return listPage(me, model, InviteForm.empty(), FormErrors.none());
    }

    @PostMapping("/admin/staff")
    String invite(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
                  @RequestParam(name = "stores", required = false) List<String> chosen,
                  @RequestParam(defaultValue = "") String language, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        List<String> storeCodes = chosen == null ? List.of() : chosen.stream().filter(s -> !s.isBlank()).toList();
        InviteForm form = new InviteForm(email, name, role, storeCodes, language);
        try {
            StaffRole staffRole = StaffRole.fromCode(role)
                    .orElseThrow(() -> ApiProblem.invalid("role", "must be owner, manager or cashier"));
            Link link = staff.invite(me.caller(), new StaffAccounts.NewStaff(email.strip(), name.strip(), staffRole,
                    storeCodes, Language.fromTag(language).orElse(null)));
            PassOn passOn = passOn(link);
            if (Htmx.request(request)) {
                model.addAttribute("passOn", passOn);
                listPage(me, model, InviteForm.empty(), FormErrors.none());
                return PAGE + " :: area";
            }
            redirect.addFlashAttribute("passOn", passOn);
            return "redirect:/admin/staff";
        } catch (ApiProblem problem) {
            response.setStatus(422);
            listPage(me, model, form, FormErrors.of(problem, locale));
            return Htmx.request(request) ? PAGE + " :: area" : PAGE;
        }
    }

    @GetMapping("/admin/staff/{id}")
    String person(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Model model) {
        return personPage(me, find(me, id), model, FormErrors.none());
    }

    @PostMapping("/admin/staff/{id}")
    String change(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                  @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
                  @RequestParam(name = "stores", required = false) List<String> chosen,
                  @RequestParam(defaultValue = "") String language, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        StaffMember person = find(me, id);
        List<String> storeCodes = chosen == null ? List.of() : chosen.stream().filter(s -> !s.isBlank()).toList();
        try {
            StaffRole staffRole = StaffRole.fromCode(role)
                    .orElseThrow(() -> ApiProblem.invalid("role", "must be owner, manager or cashier"));
            StaffMember changed = staff.update(me.caller(), person.id(), new StaffAccounts.StaffChange(name.strip(),
                    staffRole, storeCodes, Language.fromTag(language).orElse(null)));
            return done(me, changed, "console.business.staff.saved", model, request, redirect);
        } catch (ApiProblem problem) {
            response.setStatus(problem.status() == 404 ? 404 : 422);
            StaffMember shown = new StaffMember(person.tenant(), person.id(), person.email(), name,
                    StaffRole.fromCode(role).orElse(person.role()), storeCodes, person.language(),
                    person.passwordSet(), person.createdAt(), person.lastSignInAt(), person.lockedUntil(),
                    person.deactivatedAt());
            personPage(me, shown, model, FormErrors.of(problem, locale));
            return Htmx.request(request) ? PERSON + " :: person" : PERSON;
        }
    }

    @PostMapping("/admin/staff/{id}/password-link")
    String passwordLink(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Model model, Locale locale,
                        HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        StaffMember person = find(me, id);
        try {
            PassOn passOn = passOn(staff.resetLink(me.caller(), person.id()));
            if (Htmx.request(request)) {
                model.addAttribute("passOn", passOn);
                personPage(me, person, model, FormErrors.none());
                return PERSON + " :: person";
            }
            redirect.addFlashAttribute("passOn", passOn);
            return "redirect:/admin/staff/" + person.id();
        } catch (ApiProblem problem) {
            response.setStatus(problem.status() == 404 ? 404 : 409);
            personPage(me, person, model, FormErrors.of(problem, locale));
            return Htmx.request(request) ? PERSON + " :: person" : PERSON;
        }
    }

    /** The confirmation: a page of its own, so that it works the same with and without JavaScript. */
    @GetMapping("/admin/staff/{id}/deactivate")
    String confirmDeactivate(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Model model) {
        model.addAttribute("person", find(me, id));
        return "admin/business/staff-deactivate";
    }

    @PostMapping("/admin/staff/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Model model, Locale locale,
                      HttpServletResponse response, RedirectAttributes redirect) {
        StaffMember person = find(me, id);
        try {
            staff.deactivate(me.caller(), person.id());
            redirect.addFlashAttribute("notice", "console.business.staff.deactivated");
            return "redirect:/admin/staff/" + person.id();
        } catch (ApiProblem problem) {
            response.setStatus(409);
            personPage(me, person, model, FormErrors.of(problem, locale));
            return PERSON;
        }
    }

    private String done(StaffMember me, StaffMember changed, String notice, Model model, HttpServletRequest request,
                        RedirectAttributes redirect) {
        if (Htmx.request(request)) {
            model.addAttribute("notice", notice);
            personPage(me, changed, model, FormErrors.none());
            return PERSON + " :: person";
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/staff/" + changed.id();
    }

    private String listPage(StaffMember me, Model model, InviteForm form, FormErrors errors) {
        model.addAttribute("people", staff.list(me.tenant()));
        model.addAttribute("stores", allStores(me));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("languages", Language.values());
        return PAGE;
    }

    private String personPage(StaffMember me, StaffMember person, Model model, FormErrors errors) {
        model.addAttribute("person", person);
        model.addAttribute("stores", allStores(me));
        model.addAttribute("errors", errors);
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("languages", Language.values());
        model.addAttribute("itsMe", person.id().equals(me.id()));
        return PERSON;
    }

    private StaffMember find(StaffMember me, String id) {
        UUID staffId = Ids.parse(id).orElseThrow(() -> ApiProblem.notFound("Staff member"));
        return staff.find(me.tenant(), staffId).orElseThrow(() -> ApiProblem.notFound("Staff member"));
    }

    /** Every store, for the check boxes: a business has a handful, read a page at a time. */
    private List<Store> allStores(StaffMember me) {
        List<Store> all = new ArrayList<>();
        String after = null;
        while (all.size() < 1000) {
            List<Store> page = stores.page(me.tenant(), after, 200);
            all.addAll(page);
            if (page.size() < 200) {
                break;
            }
            after = page.getLast().code();
        }
        return all;
    }

    private PassOn passOn(Link link) {
        return new PassOn(link.staff().name(), base + "/staff/password/" + link.token(), link.expiresAt());
    }
}
