package io.kopilka.web.admin.business;

import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.CursorText;
import io.kopilka.shared.web.Page;
import io.kopilka.tenant.StaffMember;
import io.kopilka.web.common.FormErrors;
import io.kopilka.webhook.Delivery;
import io.kopilka.webhook.EventTypes;
import io.kopilka.webhook.Subscription;
import io.kopilka.webhook.SubscriptionChange;
import io.kopilka.webhook.Webhooks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Webhooks: the subscriptions, a new one (its signing secret shown once), and one subscription's page
 * to change it, rotate its secret, delete it, and read its deliveries, retrying one that failed.
 */
@Controller
class WebhookPages {
    private static final String LIST = "admin/business/webhooks";
    private static final String ONE = "admin/business/webhook";
    private static final int PAGE_SIZE = 25;

    private final Webhooks webhooks;
    /** The facade's writes are audited in the caller's transaction, as the API's run in Idempotency's. */
    private final TransactionTemplate transaction;

    WebhookPages(Webhooks webhooks, TransactionTemplate transaction) {
        this.webhooks = webhooks;
        this.transaction = transaction;
    }

    record HookForm(String url, List<String> events, String description) {
    }

    record Secret(String secret) {
    }

    @GetMapping("/admin/webhooks")
    String list(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String cursor, Model model) {
        return listPage(me, cursor, new HookForm("", List.of(), ""), FormErrors.none(), model);
    }

    @PostMapping("/admin/webhooks")
    String create(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "") String url,
                  @RequestParam(name = "events", required = false) List<String> events,
                  @RequestParam(defaultValue = "") String description, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        List<String> chosen = events == null ? List.of() : events;
        try {
            var created = transaction.execute(status -> webhooks.create(me.caller(), url.strip(), chosen,
                    description.isBlank() ? null : description));
            redirect.addFlashAttribute("secret", new Secret(created.secret()));
            redirect.addFlashAttribute("notice", "console.business.hooks.created");
            return "redirect:/admin/webhooks/" + created.subscription().id();
        } catch (ApiProblem problem) {
            response.setStatus(422);
            listPage(me, null, new HookForm(url, chosen, description), FormErrors.of(problem, locale), model);
            return Htmx.request(request) ? LIST + " :: create" : LIST;
        }
    }

    @GetMapping("/admin/webhooks/{id}")
    String one(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
               @RequestParam(required = false) String cursor, Model model) {
        Subscription hook = webhooks.get(me.tenant(), id);
        return onePage(me, hook, new HookForm(hook.url(), hook.events(), nullToEmpty(hook.description())), cursor,
                FormErrors.none(), model);
    }

    @PostMapping("/admin/webhooks/{id}")
    String update(@AuthenticationPrincipal StaffMember me, @PathVariable String id,
                  @RequestParam(defaultValue = "") String url,
                  @RequestParam(name = "events", required = false) List<String> events,
                  @RequestParam(defaultValue = "") String description,
                  @RequestParam(defaultValue = "false") boolean enabled, Model model, Locale locale,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Subscription hook = webhooks.get(me.tenant(), id);
        List<String> chosen = events == null ? List.of() : events;
        try {
            Subscription changed = transaction.execute(status -> webhooks.update(me.caller(), id,
                    new SubscriptionChange(url.strip(), chosen, description, enabled != hook.active() ? enabled : null)));
            if (Htmx.request(request)) {
                model.addAttribute("notice", "console.saved");
                onePage(me, changed, new HookForm(changed.url(), changed.events(), nullToEmpty(changed.description())),
                        null, FormErrors.none(), model);
                return ONE + " :: settings";
            }
            redirect.addFlashAttribute("notice", "console.saved");
            return "redirect:/admin/webhooks/" + changed.id();
        } catch (ApiProblem problem) {
            response.setStatus(422);
            onePage(me, hook, new HookForm(url, chosen, description), null, FormErrors.of(problem, locale), model);
            return Htmx.request(request) ? ONE + " :: settings" : ONE;
        }
    }

    @PostMapping("/admin/webhooks/{id}/rotate-secret")
    String rotate(@AuthenticationPrincipal StaffMember me, @PathVariable String id, RedirectAttributes redirect) {
        var rotated = transaction.execute(status -> webhooks.rotateSecret(me.caller(), id));
        redirect.addFlashAttribute("secret", new Secret(rotated.secret()));
        redirect.addFlashAttribute("notice", "console.business.hooks.rotated");
        return "redirect:/admin/webhooks/" + rotated.subscription().id();
    }

    @GetMapping("/admin/webhooks/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Model model) {
        model.addAttribute("hook", webhooks.get(me.tenant(), id));
        return "admin/business/webhook-delete";
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@AuthenticationPrincipal StaffMember me, @PathVariable String id, RedirectAttributes redirect) {
        String hookId = webhooks.get(me.tenant(), id).id().toString();
        transaction.executeWithoutResult(status -> webhooks.delete(me.caller(), hookId));
        redirect.addFlashAttribute("notice", "console.business.hooks.deleted");
        return "redirect:/admin/webhooks";
    }

    @PostMapping("/admin/webhooks/{id}/deliveries/{deliveryId}/retry")
    String retry(@AuthenticationPrincipal StaffMember me, @PathVariable String id, @PathVariable String deliveryId,
                 Model model, HttpServletRequest request, RedirectAttributes redirect) {
        Delivery delivery = transaction.execute(status -> webhooks.retry(me.caller(), id, deliveryId));
        if (Htmx.request(request)) {
            model.addAttribute("d", delivery);
            model.addAttribute("hook", webhooks.get(me.tenant(), id));
            model.addAttribute("retried", true);
            return ONE + " :: delivery(d=${d})";
        }
        redirect.addFlashAttribute("notice", "console.business.hooks.retried");
        return "redirect:/admin/webhooks/" + id;
    }

    private String listPage(StaffMember me, String cursor, HookForm form, FormErrors errors, Model model) {
        UUID after = CursorText.parse(cursor, 1, p -> UUID.fromString(p[0]));
        Page<Subscription> page = Page.of(PAGE_SIZE, n -> webhooks.page(me.tenant(), after, n), s -> s,
                s -> CursorText.of(s.id()));
        model.addAttribute("hooks", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("paged", cursor != null);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("eventTypes", EventTypes.KNOWN);
        return LIST;
    }

    private String onePage(StaffMember me, Subscription hook, HookForm form, String cursor, FormErrors errors,
                           Model model) {
        UUID before = CursorText.parse(cursor, 1, p -> UUID.fromString(p[0]));
        Page<Delivery> page = Page.of(PAGE_SIZE, n -> webhooks.deliveries(me.tenant(), hook.id().toString(), before, n),
                d -> d, d -> CursorText.of(d.id()));
        model.addAttribute("hook", hook);
        model.addAttribute("deliveries", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("paged", cursor != null);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("eventTypes", EventTypes.KNOWN);
        return ONE;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
