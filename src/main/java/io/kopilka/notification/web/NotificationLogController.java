package io.kopilka.notification.web;

import io.kopilka.member.Members;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NoticeMessage;
import io.kopilka.notification.NoticeStatus;
import io.kopilka.notification.NotificationLogs;
import io.kopilka.shared.Ids;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notification log: every message decided for a member, sent or not, and why. */
@RestController
@Tag(name = "Notifications")
class NotificationLogController {
    private final NotificationLogs logs;
    private final Members members;
    private final Tenants tenants;

    NotificationLogController(NotificationLogs logs, Members members, Tenants tenants) {
        this.logs = logs;
        this.members = members;
        this.tenants = tenants;
    }

    @GetMapping("/api/v1/notifications")
    @Operation(operationId = "listNotifications",
            summary = "The notification log, newest first, paged with a cursor; filtered by member, kind, status")
    @ApiResponse(responseCode = "200", description = "A page of messages")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: an unknown kind or status, a bad limit or "
            + "cursor")
    MessageList list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String memberId,
                     @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                     @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                     @RequestParam(required = false) String cursor) {
        PageLimit.check(limit);
        NoticeKind k = kind == null ? null : NoticeKind.fromCode(kind)
                .orElseThrow(() -> ApiProblem.invalid("kind", "must be one of " + Arrays.stream(NoticeKind.values())
                        .map(NoticeKind::code).toList()));
        NoticeStatus s = status == null ? null : statusOf(status);
        TimeCursor after = TimeCursor.parse(cursor);
        MemberId member = memberId == null ? null : members.get(caller.tenant(), memberId).id();
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        Page<MessageView> page = Page.of(limit, n -> logs.page(caller.tenant(), member, k, s,
                        after == null ? null : after.at(), after == null ? null : after.id(), n),
                m -> MessageView.of(m, null, zone), m -> new TimeCursor(m.createdAt(), m.id()).text());
        return new MessageList(page.items(), page.nextCursor());
    }

    @GetMapping("/api/v1/notifications/{id}")
    @Operation(operationId = "getNotification", summary = "One message of the log, with its e-mail's HTML part")
    @ApiResponse(responseCode = "200", description = "The message")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = "`not_found`: no message with this id in the tenant")
    MessageView get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        UUID messageId = Ids.parse(id).orElseThrow(() -> ApiProblem.notFound("Notification"));
        NoticeMessage m = logs.byId(caller.tenant(), messageId).orElseThrow(() -> ApiProblem.notFound("Notification"));
        return MessageView.of(m, logs.html(caller.tenant(), messageId).orElse(null),
                tenants.get(caller.tenant()).timezone());
    }

    private static NoticeStatus statusOf(String code) {
        for (NoticeStatus s : NoticeStatus.values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw ApiProblem.invalid("status", "must be one of " + Arrays.stream(NoticeStatus.values())
                .map(NoticeStatus::code).toList());
    }

    record MessageList(List<MessageView> items, @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    record MessageView(String id, String memberId,
                       @Schema(example = "points_expiring") String kind,
                       @Schema(description = "Unique per member and kind", example = "expiry:2026-03-07") String occasion,
                       @Nullable @Schema(description = "email, sms or telegram; null when none was chosen") String channel,
                       @Nullable @Schema(description = "The address on the channel") String to,
                       @Schema(allowableValues = {"queued", "sent", "failed", "suppressed", "undeliverable"}) String status,
                       @Nullable @Schema(example = "no_consent") String reason,
                       @Schema(allowableValues = {"ru", "kk", "en"}) String language,
                       @Nullable String subject, @Nullable String body,
                       @Nullable @Schema(description = "E-mail only, and only on GET /notifications/{id}") String html,
                       OffsetDateTime createdAt, OffsetDateTime scheduledFor, @Nullable OffsetDateTime sentAt,
                       int attempts) {
        static MessageView of(NoticeMessage m, String html, ZoneId zone) {
            return new MessageView(m.id().toString(), m.member().value().toString(), m.kind().code(), m.occasion(),
                    m.channel() == null ? null : m.channel().code(), m.to(), m.status().code(), m.reason(),
                    m.language().tag(), m.subject(), m.body(), html, m.createdAt().atZone(zone).toOffsetDateTime(),
                    m.scheduledFor().atZone(zone).toOffsetDateTime(),
                    m.sentAt() == null ? null : m.sentAt().atZone(zone).toOffsetDateTime(), m.attempts());
        }
    }
}
