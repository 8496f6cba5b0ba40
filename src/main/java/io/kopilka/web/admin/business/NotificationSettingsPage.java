package io.kopilka.web.admin.business;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.notification.Channel;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NotificationSettings;
import io.kopilka.notification.Notifications;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.tenant.StaffMember;
import io.kopilka.web.common.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How the business talks to its members: channels and their order, quiet hours, reminders, the weekly
 * limit of marketing, which kinds are sent. Saved as the API's {@code PUT /notifications/settings}
 * saves: the reminder days are the program's, and the change is audited in the same transaction.
 */
@Controller
class NotificationSettingsPage {
    private static final String PAGE = "admin/business/notifications";

    private final Notifications notifications;
    private final Programs programs;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    NotificationSettingsPage(Notifications notifications, Programs programs, AuditLog audit,
                             TransactionTemplate transaction) {
        this.notifications = notifications;
        this.programs = programs;
        this.audit = audit;
        this.transaction = transaction;
    }

    @GetMapping("/admin/notifications")
    String settings(@AuthenticationPrincipal StaffMember me, Model model) {
        NotificationSettings current = notifications.settings(me.tenant());
        return page(SettingsForm.of(current, programs.of(me.tenant()).expiryReminderDays()), current,
                FormErrors.none(), model);
    }

    @PostMapping("/admin/notifications")
    String save(@AuthenticationPrincipal StaffMember me, @RequestParam(defaultValue = "false") boolean email,
                @RequestParam(defaultValue = "false") boolean sms, @RequestParam(defaultValue = "") String quietFrom,
                @RequestParam(defaultValue = "") String quietTo,
                @RequestParam(defaultValue = "") String expiryReminderDays,
                @RequestParam(defaultValue = "false") boolean balanceOn,
                @RequestParam(defaultValue = "") String balanceEveryDays,
                @RequestParam(defaultValue = "") String balanceMinPoints,
                @RequestParam(defaultValue = "") String maxMarketingPerWeek,
                @RequestParam(defaultValue = "") String botUsername, @RequestParam(defaultValue = "") String botToken,
                @RequestParam(name = "channelOrder", required = false) List<String> channelOrder,
                @RequestParam(defaultValue = "false") boolean pointsEarned,
                @RequestParam(defaultValue = "") String expiryReminderMinPoints,
                @RequestParam(defaultValue = "") String couponReminderDays,
                @RequestParam(name = "sentKinds", required = false) List<String> sentKinds, Model model, Locale locale,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        SettingsForm form = new SettingsForm(email, sms, quietFrom, quietTo, expiryReminderDays, balanceOn,
                balanceEveryDays, balanceMinPoints, maxMarketingPerWeek, botUsername, botToken,
                channelOrder == null ? List.of() : channelOrder, pointsEarned, expiryReminderMinPoints,
                couponReminderDays, sentKinds == null ? List.of() : sentKinds);
        NotificationSettings current = notifications.settings(me.tenant());
        try {
            transaction.executeWithoutResult(status -> {
                SettingsForm.Read read = form.read(current);
                Program program = programs.of(me.tenant());
                var before = SettingsForm.document(current, program.expiryReminderDays());
                if (!read.expiryReminderDays().equals(program.expiryReminderDays())) {
                    programs.replace(me.tenant(), withReminderDays(program, read.expiryReminderDays()));
                }
                NotificationSettings saved = notifications.replaceSettings(me.tenant(), read.settings());
                audit.record(me.caller(), Change.updated("notification_settings", null, before,
                        SettingsForm.document(saved, read.expiryReminderDays())));
            });
        } catch (ApiProblem problem) {
            response.setStatus(422);
            page(form, current, FormErrors.of(problem, locale), model);
            return Htmx.request(request) ? PAGE + " :: settings" : PAGE;
        }
        if (Htmx.request(request)) {
            NotificationSettings saved = notifications.settings(me.tenant());
            model.addAttribute("notice", "console.saved");
            page(SettingsForm.of(saved, programs.of(me.tenant()).expiryReminderDays()), saved, FormErrors.none(), model);
            return PAGE + " :: settings";
        }
        redirect.addFlashAttribute("notice", "console.saved");
        return "redirect:/admin/notifications";
    }

    private String page(SettingsForm form, NotificationSettings current, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("botTokenHint", current.telegram() == null ? null
                : "…" + current.telegram().botToken().substring(Math.max(0, current.telegram().botToken().length() - 4)));
        model.addAttribute("channels", List.of(Channel.values()));
        model.addAttribute("kinds", List.of(NoticeKind.values()));
        model.addAttribute("tab", "settings");
        return PAGE;
    }

    private static Program withReminderDays(Program p, List<Integer> days) {
        return new Program(p.version(), p.pointValue(), p.maxRedeemShare(), p.minRedeemPoints(), p.pendingDays(),
                p.expiry(), days, p.welcomePoints(), p.birthdayPoints(), p.referral(), p.maxBackdateDays(),
                p.staffGifts(), p.birthday(), p.winBack(), p.redemptionConfirmationAbove());
    }
}
