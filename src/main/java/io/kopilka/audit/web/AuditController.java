package io.kopilka.audit.web;

import io.kopilka.audit.AuditEntry;
import io.kopilka.audit.AuditQuery;
import io.kopilka.audit.AuditTrail;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The audit log, read back by the tenant's admins: who changed what, when, before and after, and why. */
@RestController
@Tag(name = "Audit")
class AuditController {
    private static final String TIMESTAMP = "An ISO 8601 time with its offset, e.g. 2026-11-22T14:00:00+05:00";

    private final AuditTrail trail;
    private final Tenants tenants;
    private final JsonMapper json;

    AuditController(AuditTrail trail, Tenants tenants, JsonMapper json) {
        this.trail = trail;
        this.tenants = tenants;
        this.json = json;
    }

    record AuditActorView(@Schema(allowableValues = {"api_key", "staff", "member", "system"}) String type,
                     @Nullable @Schema(description = "The API key's id; null for the system") String id,
                     @Nullable @Schema(description = "The API key's name; null for the system") String name) {
    }

    record AuditEntryView(String id, OffsetDateTime at, AuditActorView actor,
                     @Schema(description = "`<objectType>.<verb>`", example = "program.updated") String action,
                     @Schema(example = "program") String objectType,
                     @Nullable @Schema(description = "Which one; null for the tenant's single program or ladder")
                     String objectId,
                     @Nullable @Schema(types = "object", description = "The object before, as the API showed it; "
                             + "null when it was created, or erased") Object before,
                     @Nullable @Schema(types = "object", description = "The object after; null when it was deleted, "
                             + "archived or erased") Object after,
                     @Nullable @Schema(description = "Why, when the writer gave a reason") String reason) {
    }

    record AuditPage(List<AuditEntryView> items,
                     @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    @GetMapping("/api/v1/audit")
    @Operation(operationId = "listAuditEntries",
            summary = "The audit log: every change of configuration and every change made by hand to members and "
                    + "points, newest first, filtered and paged with a cursor")
    @ApiResponse(responseCode = "200", description = "A page of entries")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `since` or `until` is no time with an "
            + "offset, `limit` is out of range, or `cursor` is not one from this list")
    AuditPage list(@AuthenticationPrincipal Caller caller,
                   @RequestParam(required = false) String objectType,
                   @RequestParam(required = false) String objectId,
                   @Parameter(description = "The API key's id") @RequestParam(required = false) String actorId,
                   @RequestParam(required = false) String action,
                   @Parameter(description = "At or after this time. " + TIMESTAMP)
                   @RequestParam(required = false) String since,
                   @Parameter(description = "Before this time. " + TIMESTAMP)
                   @RequestParam(required = false) String until,
                   @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                   @RequestParam(required = false) String cursor) {
        PageLimit.check(limit);
        Instant from = time("since", since);
        Instant to = time("until", until);
        TimeCursor after = TimeCursor.parse(cursor);
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        AuditQuery query = new AuditQuery(objectType, objectId, actorId, action, from, to,
                after == null ? null : after.at(), after == null ? null : after.id());
        Page<AuditEntryView> page = Page.of(limit, n -> trail.page(caller.tenant(), query, n), e -> view(e, zone),
                e -> new TimeCursor(e.at(), e.id()).text());
        return new AuditPage(page.items(), page.nextCursor());
    }

    private AuditEntryView view(AuditEntry e, ZoneId zone) {
        return new AuditEntryView(e.id().toString(), e.at().atZone(zone).toOffsetDateTime(),
                new AuditActorView(e.actor().type(), e.actor().id(), e.actor().name()), e.action(), e.objectType(),
                e.objectId(), document(e.before()), document(e.after()), e.reason());
    }

    /** Stored as jsonb; shown as the JSON object it is, not as a string holding it. */
    private Object document(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static Instant time(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "must be " + TIMESTAMP);
        }
    }
}
