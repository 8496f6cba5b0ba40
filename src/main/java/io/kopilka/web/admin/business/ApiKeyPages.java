package io.kopilka.web.admin.business;

import io.kopilka.shared.Ids;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.ApiKey;
import io.kopilka.tenant.ApiKeys;
import io.kopilka.tenant.Role;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Stores;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API keys for tills, the shop and integrations: the list, a new key (its text shown this once, as the
 * API shows it once: only its hash is kept), and revoking one after a question.
 */
@Controller
class ApiKeyPages {
    private static final String PAGE = "admin/business/api-keys";
    private static final int PAGE_SIZE = 25;

    private final ApiKeys keys;
    private final Stores stores;

    ApiKeyPages(ApiKeys keys, Stores stores) {
        this.keys = keys;
        this.stores = stores;
    }

    record KeyForm(String name, String role, String storeCode) {
    }

    record NewKey(String name, String secret) {
    }

    @GetMapping("/admin/api-keys")
    String list(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String cursor, Model model) {
        return page(me, cursor, new KeyForm("", "pos", ""), FormErrors.none(), model);
    }

    @PostMapping("/admin/api-keys")
    String issue(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "") String name,
                 @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String storeCode,
                 Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
                 RedirectAttributes redirect) {
        KeyForm form = new KeyForm(name, role, storeCode);
        try {
            Role keyRole = Role.fromCode(role).filter(r -> r == Role.ADMIN || r == Role.POS)
                    .orElseThrow(() -> ApiProblem.invalid("role", "must be admin or pos"));
            String store = keyRole == Role.POS && !storeCode.isBlank() ? storeCode : null;
            ApiKeys.Issued issued = keys.issue(me.caller(), name, keyRole, store);
            NewKey shown = new NewKey(issued.key().name(), issued.secret());
            if (Htmx.request(request)) {
                model.addAttribute("newKey", shown);
                page(me, null, new KeyForm("", "pos", ""), FormErrors.none(), model);
                return PAGE + " :: area";
            }
            redirect.addFlashAttribute("newKey", shown);
            return "redirect:/admin/api-keys";
        } catch (ApiProblem problem) {
            response.setStatus(422);
            page(me, null, form, FormErrors.of(problem, locale), model);
            return Htmx.request(request) ? PAGE + " :: area" : PAGE;
        }
    }

    @GetMapping("/admin/api-keys/{id}/revoke")
    String confirmRevoke(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Model model) {
        model.addAttribute("key", find(me, id));
        return "admin/business/api-key-revoke";
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    String revoke(@AuthenticationPrincipal StaffMember me, @PathVariable String id, RedirectAttributes redirect) {
        ApiKey key = find(me, id);
        keys.revoke(me.caller(), key.id());
        redirect.addFlashAttribute("notice", "console.business.keys.revoked");
        return "redirect:/admin/api-keys";
    }

    private String page(StaffMember me, String cursor, KeyForm form, FormErrors errors, Model model) {
        TimeCursor after = TimeCursor.parse(cursor);
        Page<ApiKey> page = Page.of(PAGE_SIZE, n -> keys.page(me.tenant(), after == null ? null : after.at(),
                after == null ? null : after.id(), n), k -> k, k -> new TimeCursor(k.createdAt(), k.id()).text());
        model.addAttribute("keys", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("paged", cursor != null);
        model.addAttribute("stores", stores.page(me.tenant(), null, 200));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return PAGE;
    }

    private ApiKey find(StaffMember me, String id) {
        UUID keyId = Ids.parse(id).orElseThrow(() -> ApiProblem.notFound("API key"));
        return keys.find(me.tenant(), keyId).orElseThrow(() -> ApiProblem.notFound("API key"));
    }
}
