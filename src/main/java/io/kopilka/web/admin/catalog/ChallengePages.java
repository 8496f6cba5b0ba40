package io.kopilka.web.admin.catalog;

import io.kopilka.engagement.Challenge;
import io.kopilka.engagement.ChallengeDocument;
import io.kopilka.engagement.ChallengeDraft;
import io.kopilka.engagement.Challenges;
import io.kopilka.reward.CatalogReward;
import io.kopilka.reward.RewardCatalog;
import io.kopilka.shared.Ids;
import io.kopilka.shared.Money;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.tenant.StaffMember;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
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

/** Challenges (stamp cards): the list with each card drawn as its stamps, a challenge's form, stopping one. */
@Controller
class ChallengePages {
    /** Up to this many stamps a card is drawn stamp by stamp; a longer one as a count. */
    static final int STAMPS_DRAWN = 30;
    private final Challenges challenges;
    private final RewardCatalog rewards;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final Clock clock;

    ChallengePages(Challenges challenges, RewardCatalog rewards, Tenants tenants, Idempotency idempotency,
                   Clock clock) {
        this.challenges = challenges;
        this.rewards = rewards;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * A challenge as the list shows it.
     *
     * @param stamps the card's stamps when it is drawn (visits or items up to {@link #STAMPS_DRAWN}): true for
     *               the head start's, given to everyone; empty otherwise
     * @param target the goal as text: "6" visits, "50 000 ₸" of spend
     */
    record Row(String id, String name, String metric, String target, List<Boolean> stamps, long points,
               String rewardName, String badge, boolean surprise, boolean active, LocalDate from, LocalDate until) {
    }

    @GetMapping("/admin/challenges")
    String list(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String after, Model model,
                Locale locale) {
        Tenant tenant = tenants.get(me.tenant());
        UUID cursor = after == null ? null : Ids.parse(after).orElse(null);
        List<Challenge> rows = challenges.page(me.tenant(), cursor, RewardPages.PAGE + 1);
        model.addAttribute("rows", rows.stream().limit(RewardPages.PAGE).map(c -> row(me, c, tenant, locale)).toList());
        model.addAttribute("next", rows.size() > RewardPages.PAGE
                ? "/admin/challenges?after=" + rows.get(RewardPages.PAGE - 1).id() : null);
        model.addAttribute("first", cursor == null ? null : "/admin/challenges");
        return "admin/catalog/challenges";
    }

    @GetMapping("/admin/challenges/new")
    String create(@AuthenticationPrincipal StaffMember me, Model model, Locale locale) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("metric", "visits");
        form.put("target", "6");
        form.put("repeat", "true");
        form.put("active", "true");
        return form(me, model, null, form, FormErrors.none(), locale);
    }

    @PostMapping("/admin/challenges/new")
    String create(@AuthenticationPrincipal StaffMember me, @RequestParam Map<String, String> posted, Model model,
                  Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Tenant tenant = tenants.get(me.tenant());
        FormInput input = new FormInput(posted);
        try {
            ChallengeDocument document = document(input, null, tenant);
            ChallengeDraft draft = document.toDraft();
            Challenge created = idempotency.run(me.tenant(), "challenges", null, document, Challenge.class,
                    () -> challenges.create(me.caller(), draft, Now.of(clock))).body();
            if (CatalogSupport.htmx(request)) {
                response.setHeader("HX-Push-Url", "/admin/challenges/" + created.id());
                model.addAttribute("saved", true);
                return form(me, model, created, values(created, tenant), FormErrors.none(), locale) + " :: editor";
            }
            return "redirect:/admin/challenges/" + created.id() + "?saved";
        } catch (ApiProblem problem) {
            CatalogSupport.refused(model, problem, locale, response);
            String view = form(me, model, null, input.values(), (FormErrors) model.getAttribute("errors"), locale);
            return CatalogSupport.htmx(request) ? view + " :: editor" : view;
        }
    }

    @GetMapping("/admin/challenges/{id}")
    String edit(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                @RequestParam(required = false) String saved, Model model, Locale locale) {
        Challenge challenge = find(me, id);
        model.addAttribute("saved", saved != null);
        return form(me, model, challenge, values(challenge, tenants.get(me.tenant())), FormErrors.none(), locale);
    }

    @PostMapping("/admin/challenges/{id}")
    String edit(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                @RequestParam Map<String, String> posted, Model model, Locale locale, HttpServletRequest request,
                HttpServletResponse response) {
        Tenant tenant = tenants.get(me.tenant());
        Challenge existing = find(me, id);
        FormInput input = new FormInput(posted);
        try {
            ChallengeDocument document = document(input, existing, tenant);
            ChallengeDraft draft = document.toDraft();
            Challenge saved = idempotency.run(me.tenant(), "challenge-replace:" + existing.id(), null, document,
                    Challenge.class, () -> challenges.replace(me.caller(), existing.id(), draft, Now.of(clock))).body();
            if (CatalogSupport.htmx(request)) {
                model.addAttribute("saved", true);
                return form(me, model, saved, values(saved, tenant), FormErrors.none(), locale) + " :: editor";
            }
            return "redirect:/admin/challenges/" + id + "?saved";
        } catch (ApiProblem problem) {
            CatalogSupport.refused(model, problem, locale, response);
            String view = form(me, model, existing, input.values(), (FormErrors) model.getAttribute("errors"), locale);
            return CatalogSupport.htmx(request) ? view + " :: editor" : view;
        }
    }

    /** No purchase counts toward it from now on; the cards members have stay as they are. */
    @PostMapping("/admin/challenges/{id}/stop")
    String stop(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Model model, Locale locale,
                HttpServletRequest request) {
        Challenge challenge = find(me, id);
        idempotency.runWithoutBody(me.tenant(), "challenge-deactivate", null, challenge.id(),
                () -> challenges.deactivate(me.caller(), challenge.id(), Now.of(clock)));
        if (CatalogSupport.htmx(request)) {
            model.addAttribute("c", row(me, find(me, id), tenants.get(me.tenant()), locale));
            return "admin/catalog/challenges :: row";
        }
        return "redirect:/admin/challenges";
    }

    private Challenge find(StaffMember me, String id) {
        UUID uuid = Ids.parse(id).orElseThrow(() -> ApiProblem.notFound("Challenge"));
        return challenges.byId(me.tenant(), uuid).orElseThrow(() -> ApiProblem.notFound("Challenge"));
    }

    private String form(StaffMember me, Model model, Challenge challenge, Map<String, String> form, FormErrors errors,
                        Locale locale) {
        Tenant tenant = tenants.get(me.tenant());
        model.addAttribute("challenge", challenge == null ? null : row(me, challenge, tenant, locale));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("nameFields", CatalogSupport.nameFields(tenant));
        // The rewards a completed card may give: those on sale (the facade refuses an archived one).
        model.addAttribute("rewards", rewards.page(me.tenant(), null, 200, true).stream()
                .map(r -> Map.entry(r.reward().id().toString(), r.reward().name().in(locale.getLanguage()))).toList());
        model.addAttribute("action", challenge == null ? "/admin/challenges/new" : "/admin/challenges/" + challenge.id());
        if (!model.containsAttribute("saved")) {
            model.addAttribute("saved", false);
        }
        return "admin/catalog/challenge";
    }

    private Row row(StaffMember me, Challenge c, Tenant tenant, Locale locale) {
        ChallengeDraft d = c.draft();
        boolean counted = d.metric() != ChallengeDraft.Metric.SPEND;
        int target = d.target().intValue();
        List<Boolean> stamps = counted && target <= STAMPS_DRAWN
                ? java.util.stream.IntStream.range(0, target).mapToObj(i -> i < d.headStart().intValue()).toList()
                : List.of();
        String shown = counted ? d.target().stripTrailingZeros().toPlainString()
                : Money.of(d.target().setScale(Money.scaleOf(tenant.currency()), java.math.RoundingMode.HALF_UP),
                tenant.currency()).printed();
        String rewardName = d.reward().rewardId() == null ? null : rewards.byId(me.tenant(), d.reward().rewardId())
                .map(r -> r.reward().name().in(locale.getLanguage())).orElse(null);
        return new Row(c.id().toString(), d.names().in(locale.getLanguage()), d.metric().code(), shown, stamps,
                d.reward().points(), rewardName, d.reward().badge(), d.surprise() != null, d.active(),
                FormInput.firstDay(d.validFrom(), tenant.timezone()), FormInput.lastDay(d.validTo(), tenant.timezone()));
    }

    private static Map<String, String> values(Challenge c, Tenant tenant) {
        ChallengeDraft d = c.draft();
        Map<String, String> form = new LinkedHashMap<>();
        CatalogSupport.putNames(form, "name", d.names().name(), d.names().names());
        form.put("description", d.description() == null ? "" : d.description());
        form.put("metric", d.metric().code());
        form.put("target", FormInput.plain(d.target()));
        form.put("headStart", d.headStart().signum() == 0 ? "" : FormInput.plain(d.headStart()));
        form.put("window.days", FormInput.text(d.windowDays()));
        form.put("repeat", String.valueOf(d.repeat()));
        form.put("oncePerDay", String.valueOf(d.oncePerDay()));
        form.put("maxCompletionsPerMember", FormInput.text(d.maxCompletionsPerMember()));
        form.put("qualifier.minSpend", FormInput.plain(d.qualifier().minSpend()));
        form.put("reward.points", d.reward().points() == 0 ? "" : String.valueOf(d.reward().points()));
        form.put("reward.rewardId", d.reward().rewardId() == null ? "" : d.reward().rewardId());
        form.put("reward.badge", d.reward().badge() == null ? "" : d.reward().badge());
        form.put("validFrom", FormInput.text(FormInput.firstDay(d.validFrom(), tenant.timezone())));
        form.put("validTo", FormInput.text(FormInput.lastDay(d.validTo(), tenant.timezone())));
        form.put("active", String.valueOf(d.active()));
        return form;
    }

    /**
     * The challenge the form describes. What the form does not show (the qualifier's stores, items and
     * condition, the surprise) is kept from the stored challenge, so saving the form never drops it.
     */
    private static ChallengeDocument document(FormInput in, Challenge kept, Tenant tenant) {
        var zone = tenant.timezone();
        BigDecimal target = in.decimal("target");
        BigDecimal headStart = in.decimal("headStart");
        Integer windowDays = in.small("window.days");
        Integer max = in.small("maxCompletionsPerMember");
        BigDecimal minSpend = in.decimal("qualifier.minSpend");
        Long points = in.whole("reward.points");
        LocalDate from = in.date("validFrom");
        LocalDate to = in.date("validTo");
        in.check();
        ChallengeDocument before = kept == null ? null : ChallengeDocument.of(kept.draft(), zone);
        ChallengeDocument.Qualifier q = before == null ? null : before.qualifier();
        ChallengeDocument.Qualifier qualifier = new ChallengeDocument.Qualifier(minSpend,
                q == null ? null : q.stores(), q == null ? null : q.itemFilter(), q == null ? null : q.condition());
        return new ChallengeDocument(in.text("name"), CatalogSupport.names(in, "names"), in.text("description"),
                in.text("metric"), target, windowDays == null ? null : new ChallengeDocument.Window(windowDays),
                in.checked("repeat"), max, in.checked("oncePerDay"), qualifier,
                new ChallengeDocument.RewardSpec(points, in.text("reward.rewardId"), in.text("reward.badge")),
                FormInput.start(from, kept == null ? null : kept.draft().validFrom(), zone),
                FormInput.end(to, kept == null ? null : kept.draft().validTo(), zone), in.checked("active"), headStart,
                before == null ? null : before.surprise());
    }
}
