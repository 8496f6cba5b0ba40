package io.kopilka.web.admin.business;

import io.kopilka.audit.AuditEntry;
import io.kopilka.audit.AuditQuery;
import io.kopilka.audit.AuditTrail;
import io.kopilka.shared.Texts;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.ApiKeys;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.StaffAccounts;
import io.kopilka.tenant.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log as an owner reads it: who (a staff member, a key, the system), when in the business's
 * time, what, and each changed field before and after. Filtered by the kind of object, the action and
 * who did it; paged with the API's cursor.
 */
@Controller
class AuditPages {
    private static final int PAGE_SIZE = 30;
    /** The kinds of object the modules record, for the filter; an unknown one is shown by its code. */
    static final List<String> OBJECT_TYPES = List.of("program", "rule", "tiers", "reward", "challenge", "cause",
            "coupon", "member", "points", "store", "staff", "api_key", "webhook", "notification_settings",
            "notification_template", "job");
    private static final Texts TEXTS = Texts.messages();

    private final AuditTrail trail;
    private final StaffAccounts staff;
    private final ApiKeys keys;
    private final JsonMapper json;

    AuditPages(AuditTrail trail, StaffAccounts staff, ApiKeys keys, JsonMapper json) {
        this.trail = trail;
        this.staff = staff;
        this.keys = keys;
        this.json = json;
    }

    /** An entry as the page shows it. */
    record EntryView(AuditEntry entry, String objectLabel, List<AuditDiff.Row> changes) {
    }

    record Filter(String objectType, String action, String actor) {
        public boolean any() {
            return !objectType.isEmpty() || !action.isEmpty() || !actor.isEmpty();
        }
    }

    @GetMapping("/admin/audit")
    String list(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "") String objectType,
                @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String actor,
                @RequestParam(required = false) String cursor, Model model, Locale locale,
                HttpServletRequest request) {
        Filter filter = new Filter(objectType.strip(), action.strip(), actor.strip());
        TimeCursor before = TimeCursor.parse(cursor);
        AuditQuery query = new AuditQuery(blank(filter.objectType()), null, blank(filter.actor()),
                blank(filter.action()), null, null, before == null ? null : before.at(),
                before == null ? null : before.id());
        String language = Language.fromTag(locale.getLanguage()).orElse(Language.RU).tag();
        Page<EntryView> page = Page.of(PAGE_SIZE, n -> trail.page(me.tenant(), query, n), e -> view(e, language),
                e -> new TimeCursor(e.at(), e.id()).text());
        model.addAttribute("entries", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("paged", cursor != null);
        model.addAttribute("filter", filter);
        model.addAttribute("objectTypes", OBJECT_TYPES);
        model.addAttribute("people", staff.list(me.tenant()));
        model.addAttribute("keys", keys.page(me.tenant(), null, null, 200));
        return Htmx.request(request) ? "admin/business/audit :: results" : "admin/business/audit";
    }

    private EntryView view(AuditEntry e, String language) {
        String label = TEXTS.format("console.business.audit.type." + e.objectType(), new Object[0], language);
        return new EntryView(e, label == null ? e.objectType() : label, AuditDiff.of(tree(e.before()), tree(e.after())));
    }

    private tools.jackson.databind.JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static String blank(String text) {
        return text.isEmpty() ? null : text;
    }
}
