package io.kopilka.notification.web;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.notification.Notifications;
import io.kopilka.program.Program;
import io.kopilka.program.Programs;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the tenant talks to its members. The lead days of expiry reminders are the program's
 * {@code expiryReminderDays}, shown and changed here too: one value, kept by the program.
 */
@RestController
@Tag(name = "Notifications")
class NotificationSettingsController {
    private final Notifications notifications;
    private final Programs programs;
    private final Idempotency idempotency;
    private final AuditLog audit;

    NotificationSettingsController(Notifications notifications, Programs programs, Idempotency idempotency,
                                   AuditLog audit) {
        this.notifications = notifications;
        this.programs = programs;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    @GetMapping("/api/v1/notifications/settings")
    @Operation(operationId = "getNotificationSettings",
            summary = "The notification settings: channels, quiet hours, reminders, the weekly limit of marketing")
    @ApiResponse(responseCode = "200", description = "The settings, every field filled in")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    SettingsDocument get(@AuthenticationPrincipal Caller caller) {
        return current(caller);
    }

    @PutMapping("/api/v1/notifications/settings")
    @Operation(operationId = "replaceNotificationSettings",
            summary = "Replace the notification settings; missing fields take their defaults")
    @ApiResponse(responseCode = "200", description = "The settings as stored (the bot's token only as a hint)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: a setting is out of range or unknown, "
            + "each named in `errors`")
    SettingsDocument put(@AuthenticationPrincipal Caller caller, @RequestBody SettingsDocument request,
                         @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return idempotency.run(caller.tenant(), "notification-settings", key, request, SettingsDocument.class, () -> {
            SettingsDocument before = current(caller);
            var settings = request.toSettings(notifications.settings(caller.tenant()));
            if (request.expiryReminderDays() != null) {
                programs.replace(caller.tenant(), withReminderDays(programs.of(caller.tenant()),
                        request.expiryReminderDays()));
            }
            notifications.replaceSettings(caller.tenant(), settings);
            SettingsDocument after = current(caller);
            audit.record(caller, Change.updated("notification_settings", null, before, after));
            return after;
        }).body();
    }

    private SettingsDocument current(Caller caller) {
        return SettingsDocument.of(notifications.settings(caller.tenant()),
                programs.of(caller.tenant()).expiryReminderDays());
    }

    private static Program withReminderDays(Program p, List<Integer> days) {
        return new Program(p.version(), p.pointValue(), p.maxRedeemShare(), p.minRedeemPoints(), p.pendingDays(),
                p.expiry(), days, p.welcomePoints(), p.birthdayPoints(), p.referral(), p.maxBackdateDays(),
                p.staffGifts(), p.birthday(), p.winBack(), p.redemptionConfirmationAbove());
    }
}
