package io.kopilka.notification.web;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.notification.Channel;
import io.kopilka.notification.MessageTemplate;
import io.kopilka.notification.NoticeKind;
import io.kopilka.notification.NotificationTemplates;
import io.kopilka.notification.TemplatePreview;
import io.kopilka.member.Members;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Language;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's own texts of messages, one per kind, language and channel, and their preview. */
@RestController
@Tag(name = "Notifications")
class NotificationTemplateController {
    private static final String PATH = "/api/v1/notifications/templates/{kind}/{locale}/{channel}";
    private static final String NOT_FOUND = "`not_found`: no such kind, locale (ru, kk, en) or channel (email, sms)";
    private static final String INVALID = "`validation_failed`: the subject or body is missing, too long, or a "
            + "subject for an SMS; `template_invalid`: the text does not compile or render with the kind's facts "
            + "(the renderer's message and `line`); `template_too_long`: an SMS over 6 parts (`segments`)";

    private final NotificationTemplates templates;
    private final Members members;
    private final Idempotency idempotency;
    private final AuditLog audit;

    NotificationTemplateController(NotificationTemplates templates, Members members, Idempotency idempotency,
                                   AuditLog audit) {
        this.templates = templates;
        this.members = members;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    record TemplateView(String kind, String locale, String channel, @Nullable String subject, String body,
                        @Schema(description = "Whether it is the tenant's own; false: the default") boolean custom) {
        static TemplateView of(MessageTemplate t) {
            return new TemplateView(t.kind().code(), t.language().tag(), t.channel().code(), t.subject(), t.body(),
                    t.custom());
        }
    }

    record TemplateList(List<TemplateView> items) {
    }

    record TemplateRequest(
            @Nullable @Schema(description = "E-mail only (required there), up to 200 characters") String subject,
            @Nullable @Schema(description = "Mustache, up to 10 000 characters") String body) {
    }

    record PreviewRequest(
            @Nullable @Schema(description = "Render with this member's name, card and balance; "
                    + "left out: a sample member") String memberId,
            @Nullable @Schema(description = "A draft subject; left out: the stored one") String subject,
            @Nullable @Schema(description = "A draft body; left out: the stored text") String body) {
    }

    record PreviewView(@Nullable String subject, String body,
                       @Nullable @Schema(description = "E-mail only: the HTML part") String html,
                       @Nullable @Schema(description = "SMS only: how many SMS parts it takes") Integer segments,
                       @Nullable @Schema(description = "SMS only", allowableValues = {"gsm7", "ucs2"}) String encoding) {
        static PreviewView of(TemplatePreview p) {
            return new PreviewView(p.subject(), p.body(), p.html(),
                    p.segments() == null ? null : p.segments().segments(),
                    p.segments() == null ? null : p.segments().encoding().code());
        }
    }

    @GetMapping("/api/v1/notifications/templates")
    @Operation(operationId = "listNotificationTemplates",
            summary = "Every text of messages, the tenant's own or the default (78 unfiltered)")
    @ApiResponse(responseCode = "200", description = "By kind, then locale, then channel")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: an unknown kind, locale or channel")
    TemplateList list(@AuthenticationPrincipal Caller caller,
                      @Parameter(description = "welcome, points_expiring, …") @RequestParam(required = false) String kind,
                      @Parameter(description = "ru, kk or en") @RequestParam(required = false) String locale,
                      @Parameter(description = "email or sms") @RequestParam(required = false) String channel) {
        NoticeKind k = kind == null ? null : kind(kind).orElseThrow(() -> ApiProblem.invalid("kind", "unknown kind"));
        Language l = locale == null ? null
                : language(locale).orElseThrow(() -> ApiProblem.invalid("locale", "must be ru, kk or en"));
        Channel c = channel == null ? null
                : channel(channel).orElseThrow(() -> ApiProblem.invalid("channel", "must be email or sms"));
        return new TemplateList(templates.list(caller.tenant(), k, l, c).stream().map(TemplateView::of).toList());
    }

    @PutMapping(PATH)
    @Operation(operationId = "replaceNotificationTemplate",
            summary = "Use the tenant's own text for one kind, locale and channel (Telegram reads the SMS one)")
    @ApiResponse(responseCode = "200", description = "The template as stored")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "422", description = INVALID)
    TemplateView replace(@AuthenticationPrincipal Caller caller, @PathVariable String kind,
                         @PathVariable String locale, @PathVariable String channel,
                         @RequestBody TemplateRequest request,
                         @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Key k = key(kind, locale, channel);
        return idempotency.run(caller.tenant(), "notification-template:" + k.path(), key, request, TemplateView.class,
                () -> {
                    TemplateView before = current(caller, k);
                    TemplateView after = TemplateView.of(templates.replace(caller.tenant(), k.kind(), k.language(),
                            k.channel(), request.subject(), request.body()));
                    audit.record(caller, Change.updated("notification_template", k.path(), before, after));
                    return after;
                }).body();
    }

    @DeleteMapping(PATH)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "resetNotificationTemplate", summary = "Back to the default text")
    @ApiResponse(responseCode = "204", description = "The default is used (again: changes nothing)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    void reset(@AuthenticationPrincipal Caller caller, @PathVariable String kind, @PathVariable String locale,
               @PathVariable String channel, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Key k = key(kind, locale, channel);
        idempotency.runWithoutBody(caller.tenant(), "notification-template-reset", key, k.path(), () -> {
            MessageTemplate before = templates.reset(caller.tenant(), k.kind(), k.language(), k.channel());
            if (before != null) {
                TemplateView after = TemplateView.of(templates.byDefault(k.kind(), k.language(), k.channel()));
                audit.record(caller, new Change("notification_template.reset", "notification_template", k.path(),
                        TemplateView.of(before), after, null));
            }
        });
    }

    @PostMapping(PATH + "/preview")
    @Operation(operationId = "previewNotificationTemplate", summary = "Render the stored text or a draft as a "
            + "member would get it, with the kind's sample facts; writes nothing")
    @ApiResponse(responseCode = "200", description = "The message as it would be sent")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND + "; " + ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "422", description = "`validation_failed`, `template_invalid`: as for a save "
            + "(a long SMS is shown, not refused)")
    PreviewView preview(@AuthenticationPrincipal Caller caller, @PathVariable String kind,
                        @PathVariable String locale, @PathVariable String channel,
                        @RequestBody PreviewRequest r) {
        Key k = key(kind, locale, channel);
        var member = r.memberId() == null ? null : members.get(caller.tenant(), r.memberId()).id();
        return PreviewView.of(templates.preview(caller.tenant(), k.kind(), k.language(), k.channel(), member,
                r.subject(), r.body()));
    }

    private TemplateView current(Caller caller, Key k) {
        return TemplateView.of(templates.list(caller.tenant(), k.kind(), k.language(), k.channel()).getFirst());
    }

    private static Key key(String kind, String locale, String channel) {
        NoticeKind k = kind(kind).orElseThrow(() -> ApiProblem.notFound("Notification kind"));
        Language l = language(locale).orElseThrow(() -> ApiProblem.notFound("Template locale"));
        Channel c = channel(channel).orElseThrow(() -> ApiProblem.notFound("Template channel"));
        return new Key(k, l, c);
    }

    private static Optional<NoticeKind> kind(String code) {
        return NoticeKind.fromCode(code);
    }

    /** Exactly ru, kk or en: a path names one text, not any spelling of a language. */
    private static Optional<Language> language(String tag) {
        return Arrays.stream(Language.values()).filter(l -> l.tag().equals(tag)).findFirst();
    }

    /** Templates are written for e-mail and SMS; a Telegram message is the SMS text. */
    private static Optional<Channel> channel(String code) {
        return Channel.fromCode(code).filter(c -> c != Channel.TELEGRAM);
    }

    private record Key(NoticeKind kind, Language language, Channel channel) {
        String path() {
            return kind.code() + "/" + language.tag() + "/" + channel.code();
        }
    }
}
