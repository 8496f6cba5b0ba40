package io.kopilka.tenant.web;

import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tenants", description = "Businesses on this installation (platform key)")
class TenantController {
    private final Tenants tenants;

    TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    record CreateTenant(@NotBlank @Size(max = 200) String name, @NotBlank String currency,
                        @NotBlank String timezone, String locale, String country) {
    }

    record TenantCreated(String id, String name, String currency, String timezone, String locale, String country,
                         OffsetDateTime createdAt, String adminApiKey) {
    }

    @PostMapping("/api/v1/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a tenant with its first admin key (shown once)")
    TenantCreated create(@RequestBody @jakarta.validation.Valid CreateTenant request) {
        Tenants.Created created = tenants.create(new Tenants.NewTenant(request.name(), request.currency(),
                request.timezone(), request.locale(), request.country()));
        Tenant t = created.tenant();
        return new TenantCreated(t.id().toString(), t.name(), t.currency().getCurrencyCode(), t.timezone().getId(),
                t.locale().tag(), t.country(), t.createdAt().atZone(t.timezone()).toOffsetDateTime(),
                created.adminApiKey());
    }
}
