package io.kopilka.cause.web;

import io.kopilka.cause.Causes;
import io.kopilka.shared.Ids;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.CursorText;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

/** The causes a program supports; writes are admin only (the access matrix), reads the till's too. */
@RestController
@Tag(name = "Causes")
class CauseController {
    static final String NOT_FOUND = "`not_found`: no cause with this id in the tenant";
    private static final String INVALID = "`validation_failed`: fields of the cause are invalid, all of them named "
            + "in `errors` (`name`, `names.<language>`, `description`, `unit.<language>`, "
            + "`unitForms.<language>.<category>`, `verb.<language>`, `pointsPerUnit`, `goalUnits`)";
    private final Causes causes;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final Clock clock;

    CauseController(Causes causes, Tenants tenants, Idempotency idempotency, Clock clock) {
        this.causes = causes;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record CauseList(List<CauseView> items, @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    @PostMapping("/api/v1/causes")
    @Operation(operationId = "createCause", summary = "Add a cause members may donate to and rules may give to")
    @ApiResponse(responseCode = "201", description = "The cause as stored, with its totals (zero)")
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = INVALID)
    ResponseEntity<CauseView> create(@AuthenticationPrincipal Caller caller, @RequestBody CauseDocument request,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        var draft = request.toDraft();
        ZoneId zone = zone(caller);
        var outcome = idempotency.run(caller.tenant(), "causes", key, request, CauseView.class,
                () -> CauseView.of(causes.create(caller, draft, Now.of(clock)), zone));
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    @GetMapping("/api/v1/causes")
    @Operation(operationId = "listCauses",
            summary = "The causes, oldest first, paged with a cursor; a pos key sees the active ones")
    @ApiResponse(responseCode = "200", description = "A page of causes with their totals")
    CauseList list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                   @RequestParam(required = false) String cursor) {
        PageLimit.check(limit);
        UUID after = CursorText.parse(cursor, 1, p -> UUID.fromString(p[0]));
        ZoneId zone = zone(caller);
        Page<CauseView> page = Page.of(limit, n -> causes.page(caller.tenant(), !caller.isAdmin(), after, n),
                c -> CauseView.of(c, zone), c -> CursorText.of(c.id()));
        return new CauseList(page.items(), page.nextCursor());
    }

    @GetMapping("/api/v1/causes/{id}")
    @Operation(operationId = "getCause", summary = "A cause with its totals (active or not)")
    @ApiResponse(responseCode = "200", description = "The cause")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    CauseView get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return CauseView.of(causes.byId(caller.tenant(), causeId(id)).orElseThrow(() -> ApiProblem.notFound("Cause")),
                zone(caller));
    }

    @PutMapping("/api/v1/causes/{id}")
    @Operation(operationId = "replaceCause",
            summary = "Replace a cause's settings; its totals stay (its units follow a new pointsPerUnit)")
    @ApiResponse(responseCode = "200", description = "The cause as stored (a retry with the same "
            + "`Idempotency-Key` answers it again)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "422", description = INVALID)
    CauseView replace(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                      @RequestBody CauseDocument request,
                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID causeId = causeId(id);
        var draft = request.toDraft();
        ZoneId zone = zone(caller);
        return idempotency.run(caller.tenant(), "cause-replace:" + causeId, key, request, CauseView.class,
                () -> CauseView.of(causes.replace(caller, causeId, draft, Now.of(clock)), zone)).body();
    }

    @DeleteMapping("/api/v1/causes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deactivateCause",
            summary = "Deactivate a cause: no more donations or rule contributions; its totals stay")
    @ApiResponse(responseCode = "204", description = "Deactivated (again, for a cause already inactive)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    void deactivate(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                    @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        UUID causeId = causeId(id);
        idempotency.runWithoutBody(caller.tenant(), "cause-deactivate", key, causeId,
                () -> causes.deactivate(caller, causeId, Now.of(clock)));
    }

    static UUID causeId(String id) {
        return Ids.parse(id).orElseThrow(() -> ApiProblem.notFound("Cause"));
    }

    private ZoneId zone(Caller caller) {
        return tenants.get(caller.tenant()).timezone();
    }
}
