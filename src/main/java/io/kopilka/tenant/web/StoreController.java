package io.kopilka.tenant.web;

import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.CursorText;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Store;
import io.kopilka.tenant.Stores;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Stores")
class StoreController {
    private final Stores stores;
    private final Tenants tenants;
    private final Idempotency idempotency;

    StoreController(Stores stores, Tenants tenants, Idempotency idempotency) {
        this.stores = stores;
        this.tenants = tenants;
        this.idempotency = idempotency;
    }

    record CreateStore(@NotBlank @Size(max = 64) @Schema(description = "Letters, digits, '.', '_' or '-'",
                               example = "main") String code,
                       @Nullable @Size(max = 200) @Schema(example = "Abay avenue 10") String name) {
    }

    record StoreView(String code, @Nullable String name, OffsetDateTime createdAt) {
        static StoreView of(Store s, ZoneId zone) {
            return new StoreView(s.code(), s.name(), s.createdAt().atZone(zone).toOffsetDateTime());
        }
    }

    record StoreList(List<StoreView> items, @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    @PostMapping("/api/v1/stores")
    @Operation(operationId = "createStore", summary = "Open a store; its code is what tills and rules name it by")
    @ApiResponse(responseCode = "201", description = ApiDocs.CREATED)
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "409", description = "`store_exists`: a store with this code already exists")
    ResponseEntity<StoreView> create(@AuthenticationPrincipal Caller caller, @RequestBody @Valid CreateStore request,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        var outcome = idempotency.run(caller.tenant(), "stores", key, request, StoreView.class,
                () -> StoreView.of(stores.create(caller, request.code(), request.name()), zone));
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    @GetMapping("/api/v1/stores")
    @Operation(operationId = "listStores", summary = "The tenant's stores in code order, paged with a cursor")
    @ApiResponse(responseCode = "200", description = "A page of stores")
    StoreList list(@AuthenticationPrincipal Caller caller,
                   @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                   @RequestParam(required = false) String cursor) {
        PageLimit.check(limit);
        String after = CursorText.parse(cursor, 1, p -> {
            if (!p[0].matches(Store.CODE_PATTERN)) {
                throw new IllegalArgumentException("not a store code");
            }
            return p[0];
        });
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        Page<StoreView> page = Page.of(limit, n -> stores.page(caller.tenant(), after, n), s -> StoreView.of(s, zone),
                s -> CursorText.of(s.code()));
        return new StoreList(page.items(), page.nextCursor());
    }
}
