package io.kopilka.tenant.web;

import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Store;
import io.kopilka.tenant.Stores;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

    record CreateStore(@NotBlank @Size(max = 64) String code, @Size(max = 200) String name) {
    }

    record StoreView(String code, String name, OffsetDateTime createdAt) {
        static StoreView of(Store s, ZoneId zone) {
            return new StoreView(s.code(), s.name(), s.createdAt().atZone(zone).toOffsetDateTime());
        }
    }

    record StoreList(List<StoreView> items, String nextCursor) {
    }

    @PostMapping("/api/v1/stores")
    ResponseEntity<StoreView> create(@AuthenticationPrincipal Caller caller, @RequestBody @Valid CreateStore request,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        var outcome = idempotency.run(caller.tenant(), "stores", key, request, StoreView.class,
                () -> StoreView.of(stores.create(caller.tenant(), request.code(), request.name()), zone));
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    @GetMapping("/api/v1/stores")
    StoreList list(@AuthenticationPrincipal Caller caller) {
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        return new StoreList(stores.all(caller.tenant()).stream().map(s -> StoreView.of(s, zone)).toList(), null);
    }
}
