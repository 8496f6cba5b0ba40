package io.kopilka.reward.web;

import io.kopilka.reward.CatalogReward;
import io.kopilka.reward.RewardCatalog;
import io.kopilka.reward.RewardDocument;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.CursorText;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** The rewards catalog: the admin keeps it, a till reads what is on sale. */
@RestController
@Tag(name = "Rewards")
class RewardController {
    private static final String INVALID = "`validation_failed`: fields of the reward are invalid, all of them named "
            + "in `errors` (a kind's own parameter missing or out of range, another kind's given, an unknown store, "
            + "a bad image URL, ...)";
    private static final String NOT_FOUND = "`not_found`: no reward with this id in the tenant (for a pos key: no "
            + "active one)";

    private final RewardCatalog catalog;
    private final Tenants tenants;
    private final Idempotency idempotency;

    RewardController(RewardCatalog catalog, Tenants tenants, Idempotency idempotency) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.idempotency = idempotency;
    }

    record RewardList(List<RewardDocument> items,
                      @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    @PostMapping("/api/v1/rewards")
    @Operation(operationId = "createReward", summary = "Add a reward to the catalog (admin)")
    @ApiResponse(responseCode = "201", description = "The reward as stored")
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = INVALID)
    ResponseEntity<RewardDocument> create(@AuthenticationPrincipal Caller caller, @RequestBody RewardDocument request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        var outcome = idempotency.run(caller.tenant(), "rewards", key, request, RewardDocument.class,
                () -> document(caller, catalog.create(caller, request)));
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    @GetMapping("/api/v1/rewards")
    @Operation(operationId = "listRewards", summary = "The catalog in the order it was filled, paged with a cursor; "
            + "a pos key sees the active rewards only")
    @ApiResponse(responseCode = "200", description = "A page of rewards")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `status` is not active or archived, or "
            + "`limit` or `cursor` is invalid")
    RewardList list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                    @RequestParam(required = false) String cursor,
                    @Parameter(description = "active or archived; both when left out") @RequestParam(required = false)
                    String status) {
        PageLimit.check(limit);
        UUID after = CursorText.parse(cursor, 1, p -> UUID.fromString(p[0]));
        Boolean active = status == null ? null : switch (status) {
            case "active" -> true;
            case "archived" -> false;
            default -> throw ApiProblem.invalid("status", "must be active or archived");
        };
        Boolean shown = caller.isAdmin() ? active : Boolean.TRUE;
        Tenant tenant = tenants.get(caller.tenant());
        Page<RewardDocument> page = Page.of(limit, n -> caller.isAdmin() || active == null || active
                        ? catalog.page(caller.tenant(), after, n, shown) : List.of(),
                r -> RewardDocument.of(r, tenant.timezone(), tenant.currency()),
                r -> CursorText.of(r.reward().id()));
        return new RewardList(page.items(), page.nextCursor());
    }

    @GetMapping("/api/v1/rewards/{id}")
    @Operation(operationId = "getReward", summary = "A reward of the catalog")
    @ApiResponse(responseCode = "200", description = "The reward")
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    RewardDocument get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        CatalogReward reward = catalog.byId(caller.tenant(), id).filter(r -> caller.isAdmin() || r.active())
                .orElseThrow(() -> ApiProblem.notFound("Reward"));
        return document(caller, reward);
    }

    @PutMapping("/api/v1/rewards/{id}")
    @Operation(operationId = "replaceReward", summary = "Replace a reward's terms (admin); coupons already issued "
            + "keep theirs, and the stock left moves by the change of the stock")
    @ApiResponse(responseCode = "200", description = "The reward as stored")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "422", description = INVALID)
    RewardDocument replace(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                           @RequestBody RewardDocument request,
                           @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return idempotency.run(caller.tenant(), "reward-replace:" + id, key, request, RewardDocument.class,
                () -> document(caller, catalog.replace(caller, id, request))).body();
    }

    @DeleteMapping("/api/v1/rewards/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "archiveReward", summary = "Archive a reward (admin): no longer sold nor given by "
            + "rules; coupons already issued stay valid")
    @ApiResponse(responseCode = "204", description = "Archived (archiving again changes nothing)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    void archive(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                 @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        idempotency.runWithoutBody(caller.tenant(), "reward-archive", key, id, () -> catalog.archive(caller, id));
    }

    private RewardDocument document(Caller caller, CatalogReward reward) {
        Tenant tenant = tenants.get(caller.tenant());
        return RewardDocument.of(reward, tenant.timezone(), tenant.currency());
    }
}
