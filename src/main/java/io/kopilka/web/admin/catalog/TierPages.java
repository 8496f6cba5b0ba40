package io.kopilka.web.admin.catalog;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.shared.Money;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.Benefits;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.Metric;
import io.kopilka.tier.Tiers;
import io.kopilka.tier.Window;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ladder of levels as one form: how levels are earned (metric, window, grace) and each level's
 * threshold and benefits. Empty rows below the levels add one; a row emptied of code and name removes it.
 */
@Controller
class TierPages {
    /** Rows offered beyond the ladder's levels, for new ones. */
    static final int SPARE_ROWS = 2;
    private static final Pattern LEVEL_FIELD = Pattern.compile("^levels\\[(\\d+)](.*)$");
    private final Tiers tiers;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final Clock clock;

    TierPages(Tiers tiers, Tenants tenants, Idempotency idempotency, AuditLog audit, Clock clock) {
        this.tiers = tiers;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/admin/tiers")
    String ladder(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String saved, Model model) {
        Tenant tenant = tenants.get(me.tenant());
        Ladder ladder = tiers.ladder(me.tenant());
        model.addAttribute("saved", saved != null);
        return page(model, ladder, values(ladder, tenant), ladder.levels().size() + SPARE_ROWS, FormErrors.none());
    }

    @PostMapping("/admin/tiers")
    String save(@AuthenticationPrincipal StaffMember me, @RequestParam Map<String, String> posted, Model model,
                Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Tenant tenant = tenants.get(me.tenant());
        int scale = Money.scaleOf(tenant.currency());
        FormInput input = new FormInput(posted);
        int rows = rows(posted);
        List<Integer> kept = new ArrayList<>(); // the form's row of each level sent, to put errors back on it
        try {
            Ladder ladder = ladder(input, rows, kept);
            Ladder saved = idempotency.run(me.tenant(), "tiers", null, ladder, Ladder.class, () -> {
                Ladder before = tiers.ladder(me.tenant());
                Ladder after = tiers.replace(me.tenant(), ladder, scale, me.caller().actor(), Now.of(clock));
                audit.record(me.caller(), new Change("tiers.replaced", "tiers", null, before, after, null));
                return after;
            }).body();
            if (CatalogSupport.htmx(request)) {
                model.addAttribute("saved", true);
                return page(model, saved, values(saved, tenant), saved.levels().size() + SPARE_ROWS,
                        FormErrors.none()) + " :: editor";
            }
            return "redirect:/admin/tiers?saved";
        } catch (ApiProblem problem) {
            CatalogSupport.refused(model, problem, locale, response);
            FormErrors errors = onRows((FormErrors) model.getAttribute("errors"), kept);
            String view = page(model, tiers.ladder(me.tenant()), input.values(), rows, errors);
            return CatalogSupport.htmx(request) ? view + " :: editor" : view;
        }
    }

    private String page(Model model, Ladder ladder, Map<String, String> form, int rows, FormErrors errors) {
        model.addAttribute("ladder", ladder);
        model.addAttribute("form", form);
        model.addAttribute("rows", java.util.stream.IntStream.range(0, rows).boxed().toList());
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", false);
        }
        return "admin/catalog/tiers";
    }

    /** How many level rows the form sent. */
    private static int rows(Map<String, String> posted) {
        int rows = 0;
        for (String key : posted.keySet()) {
            Matcher m = LEVEL_FIELD.matcher(key);
            if (m.matches() && m.group(1).length() < 4) {
                rows = Math.max(rows, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return Math.min(rows, 100);
    }

    private static Map<String, String> values(Ladder ladder, Tenant tenant) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("metric", ladder.metric().code());
        form.put("window.type", ladder.window().type().code());
        form.put("window.months", ladder.window().type() == Window.Type.ROLLING_MONTHS
                ? String.valueOf(ladder.window().months()) : "12");
        form.put("graceDays", String.valueOf(ladder.graceDays()));
        int scale = ladder.metric() == Metric.SPEND ? Money.scaleOf(tenant.currency()) : 0;
        List<Level> levels = ladder.levels();
        for (int i = 0; i < levels.size(); i++) {
            Level l = levels.get(i);
            String at = "levels[" + i + "]";
            form.put(at + ".code", l.code());
            form.put(at + ".name", l.name());
            form.put(at + ".threshold", l.threshold() == null ? ""
                    : l.threshold().setScale(scale, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
            form.put(at + ".manual", String.valueOf(l.manual()));
            form.put(at + ".benefits.earnMultiplier", FormInput.plain(l.benefits().earnMultiplier()));
            form.put(at + ".benefits.discountPercent", FormInput.plain(l.benefits().discountPercent()));
            form.put(at + ".benefits.perks", String.join("\n", l.benefits().perks()));
        }
        return form;
    }

    /** The ladder the form describes; rows without code and name are left out. */
    private static Ladder ladder(FormInput in, int rows, List<Integer> kept) {
        Metric metric = in.text("metric") == null ? null : Metric.fromCode(in.text("metric")).orElse(null);
        Window.Type type = in.text("window.type") == null ? null
                : Window.Type.fromCode(in.text("window.type")).orElse(null);
        Integer months = in.small("window.months");
        Integer grace = in.small("graceDays");
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String at = "levels[" + i + "]";
            String code = in.text(at + ".code");
            String name = in.text(at + ".name");
            BigDecimal threshold = in.decimal(at + ".threshold");
            BigDecimal multiplier = in.decimal(at + ".benefits.earnMultiplier");
            BigDecimal discount = in.decimal(at + ".benefits.discountPercent");
            if (code == null && name == null) {
                continue;
            }
            String perks = in.text(at + ".benefits.perks");
            boolean manual = in.checked(at + ".manual");
            kept.add(i);
            levels.add(new Level(code, name, threshold, manual,
                    new Benefits(multiplier == null ? BigDecimal.ONE : multiplier,
                            discount == null ? BigDecimal.ZERO : discount,
                            perks == null ? List.of() : perks.lines().map(String::strip).filter(p -> !p.isEmpty())
                                    .toList())));
        }
        try {
            in.check();
        } catch (ApiProblem unreadable) { // named by the form's own rows already
            kept.clear();
            java.util.stream.IntStream.range(0, rows).forEach(kept::add);
            throw unreadable;
        }
        Window window = type == null ? null : new Window(type, type == Window.Type.ROLLING_MONTHS
                ? (months == null ? 0 : months) : 0);
        return new Ladder(metric, window, grace == null ? 0 : grace, levels, 0);
    }

    /** The facade names the n-th level sent; the form shows it on the row it came from. */
    private static FormErrors onRows(FormErrors errors, List<Integer> kept) {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.fields().forEach((field, message) -> {
            Matcher m = LEVEL_FIELD.matcher(field);
            if (m.matches() && Integer.parseInt(m.group(1)) < kept.size()) {
                fields.merge("levels[" + kept.get(Integer.parseInt(m.group(1))) + "]" + m.group(2), message,
                        (a, b) -> a + " " + b);
            } else {
                fields.merge(field, message, (a, b) -> a + " " + b);
            }
        });
        return new FormErrors(errors.summary(), fields);
    }
}
