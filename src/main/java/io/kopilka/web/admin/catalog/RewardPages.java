package io.kopilka.web.admin.catalog;

import io.kopilka.reward.CatalogReward;
import io.kopilka.reward.Reward;
import io.kopilka.reward.RewardCatalog;
import io.kopilka.reward.RewardDocument;
import io.kopilka.shared.Ids;
import io.kopilka.shared.Money;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
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

/** The rewards catalog: the list (on sale or archived), a reward's form to add or change it, archiving. */
@Controller
class RewardPages {
    static final int PAGE = 25;
    private static final List<String> KINDS = List.of("percent_off", "amount_off", "free_item", "gift", "experience");
    private final RewardCatalog catalog;
    private final Tenants tenants;
    private final Idempotency idempotency;

    RewardPages(RewardCatalog catalog, Tenants tenants, Idempotency idempotency) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.idempotency = idempotency;
    }

    /** A reward as the list shows it. */
    record Row(String id, String name, String kind, Long costPoints, Long stock, Long stockLeft, boolean active,
               String imageUrl, java.time.LocalDate from, java.time.LocalDate until) {
    }

    @GetMapping("/admin/rewards")
    String list(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "active") String status,
                @RequestParam(required = false) String after, Model model, Locale locale) {
        Tenant tenant = tenants.get(me.tenant());
        boolean active = !status.equals("archived");
        UUID cursor = after == null ? null : Ids.parse(after).orElse(null);
        List<CatalogReward> rows = catalog.page(me.tenant(), cursor, PAGE + 1, active);
        model.addAttribute("status", active ? "active" : "archived");
        model.addAttribute("rows", rows.stream().limit(PAGE).map(r -> row(r, tenant, locale)).toList());
        model.addAttribute("next", rows.size() > PAGE ? "/admin/rewards?status=" + (active ? "active" : "archived")
                + "&after=" + rows.get(PAGE - 1).reward().id() : null);
        model.addAttribute("first", cursor == null ? null : "/admin/rewards?status=" + (active ? "active" : "archived"));
        return "admin/catalog/rewards";
    }

    @GetMapping("/admin/rewards/new")
    String create(@AuthenticationPrincipal StaffMember me, Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "gift");
        form.put("refundOnExpiry", "true");
        return form(model, tenants.get(me.tenant()), null, form, FormErrors.none());
    }

    @PostMapping("/admin/rewards/new")
    String create(@AuthenticationPrincipal StaffMember me, @RequestParam Map<String, String> posted, Model model,
                  Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Tenant tenant = tenants.get(me.tenant());
        FormInput input = new FormInput(posted);
        try {
            RewardDocument document = document(input, null, tenant);
            CatalogReward created = idempotency.run(me.tenant(), "rewards", null, document, CatalogReward.class,
                    () -> catalog.create(me.caller(), document)).body();
            if (CatalogSupport.htmx(request)) {
                response.setHeader("HX-Push-Url", "/admin/rewards/" + created.reward().id());
                model.addAttribute("saved", true);
                return form(model, tenant, created, values(created, tenant), FormErrors.none()) + " :: editor";
            }
            return "redirect:/admin/rewards/" + created.reward().id() + "?saved";
        } catch (ApiProblem problem) {
            CatalogSupport.refused(model, problem, locale, response);
            String view = form(model, tenant, null, input.values(), (FormErrors) model.getAttribute("errors"));
            return CatalogSupport.htmx(request) ? view + " :: editor" : view;
        }
    }

    @GetMapping("/admin/rewards/{id}")
    String edit(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                @RequestParam(required = false) String saved, Model model) {
        Tenant tenant = tenants.get(me.tenant());
        CatalogReward reward = find(me, id);
        model.addAttribute("saved", saved != null);
        return form(model, tenant, reward, values(reward, tenant), FormErrors.none());
    }

    @PostMapping("/admin/rewards/{id}")
    String edit(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                @RequestParam Map<String, String> posted, Model model, Locale locale, HttpServletRequest request,
                HttpServletResponse response) {
        Tenant tenant = tenants.get(me.tenant());
        CatalogReward existing = find(me, id);
        FormInput input = new FormInput(posted);
        try {
            RewardDocument document = document(input, existing.reward(), tenant);
            CatalogReward saved = idempotency.run(me.tenant(), "reward-replace:" + id, null, document,
                    CatalogReward.class, () -> catalog.replace(me.caller(), id, document)).body();
            if (CatalogSupport.htmx(request)) {
                model.addAttribute("saved", true);
                return form(model, tenant, saved, values(saved, tenant), FormErrors.none()) + " :: editor";
            }
            return "redirect:/admin/rewards/" + id + "?saved";
        } catch (ApiProblem problem) {
            CatalogSupport.refused(model, problem, locale, response);
            String view = form(model, tenant, existing, input.values(), (FormErrors) model.getAttribute("errors"));
            return CatalogSupport.htmx(request) ? view + " :: editor" : view;
        }
    }

    /** From the list (htmx: the row answers, archived) or from the reward's page (back to the list). */
    @PostMapping("/admin/rewards/{id}/archive")
    String archive(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Model model, Locale locale,
                   HttpServletRequest request) {
        find(me, id);
        CatalogReward archived = idempotency.run(me.tenant(), "reward-archive", null, id, CatalogReward.class,
                () -> catalog.archive(me.caller(), id)).body();
        if (CatalogSupport.htmx(request)) {
            model.addAttribute("r", row(archived, tenants.get(me.tenant()), locale));
            return "admin/catalog/rewards :: row";
        }
        return "redirect:/admin/rewards?status=archived";
    }

    private CatalogReward find(StaffMember me, String id) {
        return catalog.byId(me.tenant(), id).orElseThrow(() -> ApiProblem.notFound("Reward"));
    }

    private String form(Model model, Tenant tenant, CatalogReward reward, Map<String, String> form, FormErrors errors) {
        model.addAttribute("reward", reward == null ? null : row(reward, tenant, Locale.ROOT));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("nameFields", CatalogSupport.nameFields(tenant));
        model.addAttribute("action", reward == null ? "/admin/rewards/new" : "/admin/rewards/" + reward.reward().id());
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", false);
        }
        return "admin/catalog/reward";
    }

    private static Row row(CatalogReward r, Tenant tenant, Locale locale) {
        Reward w = r.reward();
        return new Row(w.id().toString(), w.name().in(locale.getLanguage()), RewardDocument.code(w.kind()),
                w.costPoints(), w.stock(), r.stockLeft(), r.active(), w.imageUrl(),
                FormInput.firstDay(w.validFrom(), tenant.timezone()), FormInput.lastDay(w.validTo(), tenant.timezone()));
    }

    /** The form's fields of a stored reward. */
    private static Map<String, String> values(CatalogReward r, Tenant tenant) {
        Reward w = r.reward();
        Map<String, String> form = new LinkedHashMap<>();
        CatalogSupport.putNames(form, "name", w.name().name(), w.name().names());
        form.put("description", w.description() == null ? "" : w.description().name());
        form.put("kind", RewardDocument.code(w.kind()));
        form.put("costPoints", FormInput.text(w.costPoints()));
        form.put("percent", FormInput.plain(w.percent()));
        form.put("amount", w.amount() == null ? "" : Money.of(w.amount(), tenant.currency()).plain());
        form.put("minSpend", w.minSpend() == null ? "" : Money.of(w.minSpend(), tenant.currency()).plain());
        form.put("itemSkus", w.itemFilter() == null || w.itemFilter().skus() == null ? ""
                : String.join(", ", w.itemFilter().skus()));
        form.put("itemCategories", w.itemFilter() == null || w.itemFilter().categories() == null ? ""
                : String.join(", ", w.itemFilter().categories()));
        form.put("stock", FormInput.text(w.stock()));
        form.put("perMemberLimit", FormInput.text(w.perMemberLimit()));
        form.put("couponValidDays", FormInput.text(w.couponValidDays()));
        form.put("validFrom", FormInput.text(FormInput.firstDay(w.validFrom(), tenant.timezone())));
        form.put("validTo", FormInput.text(FormInput.lastDay(w.validTo(), tenant.timezone())));
        form.put("imageUrl", w.imageUrl() == null ? "" : w.imageUrl());
        form.put("refundOnExpiry", String.valueOf(w.refundOnExpiry()));
        return form;
    }

    /**
     * The reward the form describes. What the form does not show (descriptions in other languages,
     * stores, levels) is kept from the stored reward, so saving the form never drops it.
     */
    private static RewardDocument document(FormInput in, Reward kept, Tenant tenant) {
        var zone = tenant.timezone();
        Long cost = in.whole("costPoints");
        BigDecimal percent = in.decimal("percent");
        BigDecimal amount = in.decimal("amount");
        BigDecimal minSpend = in.decimal("minSpend");
        Long stock = in.whole("stock");
        Integer perMember = in.small("perMemberLimit");
        Integer validDays = in.small("couponValidDays");
        var from = in.date("validFrom");
        var to = in.date("validTo");
        in.check();
        List<String> skus = in.codes("itemSkus");
        List<String> categories = in.codes("itemCategories");
        String kind = in.text("kind");
        boolean filtered = "percent_off".equals(kind) || "free_item".equals(kind);
        RewardDocument.ItemFilter filter = filtered && (skus != null || categories != null)
                ? new RewardDocument.ItemFilter(skus, categories) : null;
        String description = in.text("description");
        return new RewardDocument(null, in.text("name"), CatalogSupport.names(in, "names"), description,
                kept == null || kept.description() == null || description == null ? null
                        : nonEmpty(kept.description().names()),
                kind, cost, "percent_off".equals(kind) ? percent : null, "amount_off".equals(kind) ? amount : null,
                filter, minSpend, kept == null ? null : kept.stores(), kept == null ? null : kept.tiers(), stock,
                perMember, validDays, FormInput.start(from, kept == null ? null : kept.validFrom(), zone),
                FormInput.end(to, kept == null ? null : kept.validTo(), zone), in.text("imageUrl"),
                in.checked("refundOnExpiry"), null, null, null);
    }

    private static Map<String, String> nonEmpty(Map<String, String> names) {
        return names == null || names.isEmpty() ? null : names;
    }
}
