package io.kopilka.web.admin.business;

import io.kopilka.member.Members;
import io.kopilka.notification.Channel;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NoticeMessage;
import io.kopilka.notification.NoticeStatus;
import io.kopilka.notification.NotificationLogs;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.StaffMember;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What was told to whom: the notification log (filtered by kind, status and member), the demo's
 * mailbox (the e-mails the in-app mailbox "sent" instead of an SMTP server), and one message as the
 * member would read it, its HTML in a sandboxed frame.
 */
@Controller
class NotificationLogPages {
    private static final int PAGE_SIZE = 30;
    /** The mailbox reads the log's sent messages a batch at a time and keeps its e-mails. */
    private static final int MAILBOX_BATCH = 100;

    private final NotificationLogs logs;
    private final Members members;

    NotificationLogPages(NotificationLogs logs, Members members) {
        this.logs = logs;
        this.members = members;
    }

    record Filter(String kind, String status, String member) {
        public boolean any() {
            return !kind.isEmpty() || !status.isEmpty() || !member.isEmpty();
        }
    }

    @GetMapping("/admin/notifications/log")
    String log(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "") String kind,
               @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String member,
               @RequestParam(required = false) String cursor, Model model, HttpServletRequest request) {
        Filter filter = new Filter(kind, status, member.strip());
        NoticeKind k = NoticeKind.fromCode(kind).orElse(null);
        NoticeStatus s = Arrays.stream(NoticeStatus.values()).filter(v -> v.code().equals(status)).findFirst()
                .orElse(null);
        MemberId who = filter.member().isEmpty() ? null
                : MemberLookup.find(members, me.tenant(), filter.member()).orElse(null);
        boolean unknownMember = !filter.member().isEmpty() && who == null;
        TimeCursor after = TimeCursor.parse(cursor);
        Page<NoticeMessage> page = unknownMember ? new Page<>(List.of(), null)
                : Page.of(PAGE_SIZE, n -> logs.page(me.tenant(), who, k, s, after == null ? null : after.at(),
                        after == null ? null : after.id(), n), m -> m, m -> new TimeCursor(m.createdAt(), m.id()).text());
        model.addAttribute("messages", page.items());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("paged", cursor != null);
        model.addAttribute("filter", filter);
        model.addAttribute("unknownMember", unknownMember);
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("statuses", NoticeStatus.values());
        model.addAttribute("tab", "log");
        return Htmx.request(request) ? "admin/business/log :: results" : "admin/business/log";
    }

    @GetMapping("/admin/notifications/mailbox")
    String mailbox(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) String cursor,
                   Model model) {
        TimeCursor after = TimeCursor.parse(cursor);
        List<NoticeMessage> batch = logs.page(me.tenant(), null, null, NoticeStatus.SENT,
                after == null ? null : after.at(), after == null ? null : after.id(), MAILBOX_BATCH);
        model.addAttribute("mails", batch.stream()
                .filter(m -> m.channel() == Channel.EMAIL && "mailbox".equals(m.reason())).toList());
        model.addAttribute("nextCursor", batch.size() < MAILBOX_BATCH ? null
                : new TimeCursor(batch.getLast().createdAt(), batch.getLast().id()).text());
        model.addAttribute("paged", cursor != null);
        model.addAttribute("tab", "mailbox");
        return "admin/business/mailbox";
    }

    @GetMapping("/admin/notifications/messages/{id}")
    String message(@AuthenticationPrincipal StaffMember me, @PathVariable String id, Model model) {
        UUID messageId = Ids.parse(id).orElseThrow(() -> ApiProblem.notFound("Notification"));
        NoticeMessage message = logs.byId(me.tenant(), messageId)
                .orElseThrow(() -> ApiProblem.notFound("Notification"));
        model.addAttribute("m", message);
        model.addAttribute("html", logs.html(me.tenant(), messageId).orElse(null));
        model.addAttribute("tab", "mailbox".equals(message.reason()) ? "mailbox" : "log");
        return "admin/business/message";
    }
}
