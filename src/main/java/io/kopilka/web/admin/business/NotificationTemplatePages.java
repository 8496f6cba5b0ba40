package io.kopilka.web.admin.business;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.member.Members;
import io.kopilka.notification.Channel;
import io.kopilka.notification.MessageTemplate;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NotificationTemplates;
import io.kopilka.notification.TemplatePreview;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.StaffMember;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The texts of messages: every kind in every language for e-mail and SMS (Telegram reads the SMS
 * text), the business's own or the default; one text's page to change it, go back to the default, and
 * see it as a member would get it, with a sample member or a real one found by phone or card.
 */
@Controller
class NotificationTemplatePages {
    private static final String LIST = "admin/business/templates";
    private static final String ONE = "admin/business/template";
    private static final String ONE_PATH = "/admin/notifications/templates/{kind}/{language}/{channel}";

    private final NotificationTemplates templates;
    private final Members members;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    NotificationTemplatePages(NotificationTemplates templates, Members members, AuditLog audit,
                              TransactionTemplate transaction) {
        this.templates = templates;
        this.members = members;
        this.audit = audit;
        this.transaction = transaction;
    }

    record Key(NoticeKind kind, Language language, Channel channel) {
        public String path() {
            return kind.code() + "/" + language.tag() + "/" + channel.code();
        }
    }

    @GetMapping("/admin/notifications/templates")
    String list(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "") String kind,
                @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String channel,
                Model model) {
        List<MessageTemplate> all = templates.list(me.tenant(), NoticeKind.fromCode(kind).orElse(null),
                language(language), channel.isEmpty() ? null : channel(channel));
        model.addAttribute("templates", all);
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("languages", Language.values());
        model.addAttribute("filter", Map.of("kind", kind, "language", language, "channel", channel));
        model.addAttribute("tab", "templates");
        return LIST;
    }

    @GetMapping(ONE_PATH)
    String one(@AuthenticationPrincipal StaffMember me, @PathVariable String kind, @PathVariable String language,
               @PathVariable String channel, Model model) {
        Key key = key(kind, language, channel);
        MessageTemplate stored = current(me, key);
        return page(me, key, stored, stored.subject(), stored.body(), preview(me, key, null, null, null), "",
                FormErrors.none(), model);
    }

    @PostMapping(ONE_PATH)
    String save(@AuthenticationPrincipal StaffMember me, @PathVariable String kind, @PathVariable String language,
                @PathVariable String channel, @RequestParam(required = false) String subject,
                @RequestParam(defaultValue = "") String body, Model model, Locale locale, HttpServletRequest request,
                HttpServletResponse response, RedirectAttributes redirect) {
        Key key = key(kind, language, channel);
        MessageTemplate before = current(me, key);
        String draftSubject = key.channel() == Channel.EMAIL ? subject : null;
        try {
            MessageTemplate after = transaction.execute(status -> {
                MessageTemplate saved = templates.replace(me.tenant(), key.kind(), key.language(), key.channel(),
                        draftSubject, body);
                audit.record(me.caller(), Change.updated("notification_template", key.path(), document(before),
                        document(saved)));
                return saved;
            });
            if (Htmx.request(request)) {
                model.addAttribute("notice", "console.saved");
                page(me, key, after, after.subject(), after.body(), preview(me, key, null, null, null), "",
                        FormErrors.none(), model);
                return ONE + " :: editor";
            }
            redirect.addFlashAttribute("notice", "console.saved");
            return "redirect:/admin/notifications/templates/" + key.path();
        } catch (ApiProblem problem) {
            response.setStatus(422);
            page(me, key, before, draftSubject, body, null, "", FormErrors.of(problem, locale), model);
            return Htmx.request(request) ? ONE + " :: editor" : ONE;
        }
    }

    @PostMapping(ONE_PATH + "/reset")
    String reset(@AuthenticationPrincipal StaffMember me, @PathVariable String kind, @PathVariable String language,
                 @PathVariable String channel, RedirectAttributes redirect) {
        Key key = key(kind, language, channel);
        transaction.executeWithoutResult(status -> {
            MessageTemplate before = templates.reset(me.tenant(), key.kind(), key.language(), key.channel());
            if (before != null) {
                audit.record(me.caller(), new Change("notification_template.reset", "notification_template",
                        key.path(), document(before),
                        document(templates.byDefault(key.kind(), key.language(), key.channel())), null));
            }
        });
        redirect.addFlashAttribute("notice", "console.business.templates.wasReset");
        return "redirect:/admin/notifications/templates/" + key.path();
    }

    /** Renders the draft in the form (or the stored text) for a sample member or the one asked for; writes nothing. */
    @PostMapping(ONE_PATH + "/preview")
    String preview(@AuthenticationPrincipal StaffMember me, @PathVariable String kind, @PathVariable String language,
                   @PathVariable String channel, @RequestParam(required = false) String subject,
                   @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String member,
                   Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Key key = key(kind, language, channel);
        MessageTemplate stored = current(me, key);
        String draftSubject = key.channel() == Channel.EMAIL ? subject : null;
        try {
            MemberId who = member.isBlank() ? null : member(me, member.strip());
            TemplatePreview shown = preview(me, key, who, draftSubject, body.isEmpty() ? null : body);
            page(me, key, stored, draftSubject, body.isEmpty() ? stored.body() : body, shown, member, FormErrors.none(),
                    model);
        } catch (ApiProblem problem) {
            response.setStatus(problem.status() == 404 ? 200 : 422);
            FormErrors errors = problem.status() == 404
                    ? new FormErrors(null, Map.of("member", FormErrors.of(problem, locale).summary()))
                    : FormErrors.of(problem, locale);
            page(me, key, stored, draftSubject, body, null, member, errors, model);
            model.addAttribute("previewErrors", errors);
        }
        return Htmx.request(request) ? ONE + " :: preview" : ONE;
    }

    private String page(StaffMember me, Key key, MessageTemplate stored, String subject, String body,
                        TemplatePreview preview, String member, FormErrors errors, Model model) {
        model.addAttribute("key", key);
        model.addAttribute("stored", stored);
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
        model.addAttribute("preview", preview);
        model.addAttribute("member", member);
        model.addAttribute("errors", errors);
        model.addAttribute("languages", Language.values());
        model.addAttribute("tab", "templates");
        return ONE;
    }

    private TemplatePreview preview(StaffMember me, Key key, MemberId member, String subject, String body) {
        return templates.preview(me.tenant(), key.kind(), key.language(), key.channel(), member, subject, body);
    }

    /** A member by phone (as typed), card number or id: whichever the owner has at hand; 404 when none. */
    private MemberId member(StaffMember me, String text) {
        return MemberLookup.find(members, me.tenant(), text).orElseThrow(() -> ApiProblem.notFound("Member"));
    }

    private MessageTemplate current(StaffMember me, Key key) {
        return templates.list(me.tenant(), key.kind(), key.language(), key.channel()).getFirst();
    }

    /** As the API's template view shows it, for the audit log. */
    private static Map<String, Object> document(MessageTemplate t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kind", t.kind().code());
        d.put("locale", t.language().tag());
        d.put("channel", t.channel().code());
        d.put("subject", t.subject());
        d.put("body", t.body());
        d.put("custom", t.custom());
        return d;
    }

    private static Key key(String kind, String language, String channel) {
        NoticeKind k = NoticeKind.fromCode(kind).orElseThrow(() -> ApiProblem.notFound("Notification kind"));
        Language l = language(language);
        if (l == null) {
            throw ApiProblem.notFound("Template locale");
        }
        Channel c = channel(channel);
        if (c == null) {
            throw ApiProblem.notFound("Template channel");
        }
        return new Key(k, l, c);
    }

    private static Language language(String tag) {
        return Arrays.stream(Language.values()).filter(l -> l.tag().equals(tag)).findFirst().orElse(null);
    }

    /** Texts are written for e-mail and SMS; Telegram reads the SMS one. */
    private static Channel channel(String code) {
        return Channel.fromCode(code).filter(c -> c != Channel.TELEGRAM).orElse(null);
    }
}
