package io.kopilka.web.admin.catalog;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Store;
import io.kopilka.tenant.Stores;
import io.kopilka.tenant.Tenants;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The business's stores: the list, and opening one. A store's code is what tills and rules name it by. */
@Controller
class StorePages {
    private final Stores stores;
    private final Tenants tenants;
    private final Idempotency idempotency;

    StorePages(Stores stores, Tenants tenants, Idempotency idempotency) {
        this.stores = stores;
        this.tenants = tenants;
        this.idempotency = idempotency;
    }

    record Row(String code, String name, LocalDate opened) {
    }

    @GetMapping("/admin/stores")
    String list(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String after,
                @RequestParam(required = false) String created, Model model) {
        model.addAttribute("created", created != null && created.matches(Store.CODE_PATTERN) ? created : null);
        return page(me, model, after, Map.of(), FormErrors.none());
    }

    @PostMapping("/admin/stores")
    String create(@AuthenticationPrincipal StaffMember me, @RequestParam Map<String, String> posted, Model model,
                  Locale locale, HttpServletRequest request, HttpServletResponse response) {
        FormInput input = new FormInput(posted);
        String code = input.text("code");
        try {
            if (code == null) { // the facade would say the same: a store needs a code
                throw ApiProblem.invalid("code", "must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            Store store = idempotency.run(me.tenant(), "stores", null, posted, Store.class,
                    () -> stores.create(me.caller(), code, input.text("name"))).body();
            if (CatalogSupport.htmx(request)) {
                model.addAttribute("created", store.code());
                return page(me, model, null, Map.of(), FormErrors.none()) + " :: stores";
            }
            return "redirect:/admin/stores?created=" + store.code();
        } catch (ApiProblem problem) {
            CatalogSupport.refused(model, problem, locale, response);
            FormErrors errors = (FormErrors) model.getAttribute("errors");
            if (problem.code().equals("store_exists")) { // the conflict is the code's: shown there too
                errors = new FormErrors(errors.summary(), Map.of("code", errors.summary()));
            }
            String view = page(me, model, null, input.values(), errors);
            return CatalogSupport.htmx(request) ? view + " :: stores" : view;
        }
    }

    private String page(StaffMember me, Model model, String after, Map<String, String> form, FormErrors errors) {
        var zone = tenants.get(me.tenant()).timezone();
        String cursor = after != null && after.matches(Store.CODE_PATTERN) ? after : null;
        List<Store> rows = stores.page(me.tenant(), cursor, RewardPages.PAGE + 1);
        model.addAttribute("rows", rows.stream().limit(RewardPages.PAGE)
                .map(s -> new Row(s.code(), s.name(), s.createdAt().atZone(zone).toLocalDate())).toList());
        model.addAttribute("next", rows.size() > RewardPages.PAGE
                ? "/admin/stores?after=" + rows.get(RewardPages.PAGE - 1).code() : null);
        model.addAttribute("first", cursor == null ? null : "/admin/stores");
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("created")) {
            model.addAttribute("created", null);
        }
        return "admin/catalog/stores";
    }
}
