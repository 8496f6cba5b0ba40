package io.kopilka.tenant.web;

import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creating a tenant is not replayable by Idempotency-Key, for the reason creating a key is not (see
 * ApiKeyController): the answer holds the admin key's secret, kept nowhere but in that answer.
 */
@RestController
@Tag(name = "Tenants", description = "Businesses on this installation (platform key)")
class TenantController {
    private static final String NOT_REPLAYABLE = "POST /api/v1/tenants does not accept Idempotency-Key: its answer holds "
            + "the first admin key's secret, which is shown once and stored nowhere (only its hash is kept), so "
            + "it cannot be replayed. Send the request without the header; if an answer is lost, the tenant "
            + "created stays unused: create another.";

    private final Tenants tenants;

    TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    record CreateTenant(@NotBlank @Size(max = 200) @Schema(example = "Barbershop Almaty") String name,
                        @NotBlank @Schema(description = "ISO 4217", example = "KZT") String currency,
                        @NotBlank @Schema(description = "IANA time zone", example = "Asia/Almaty") String timezone,
                        @Nullable @Schema(description = "Members' language by default: ru, kk or en",
                                example = "ru") String locale,
                        @Nullable @Schema(description = "Where phone numbers are local (ISO 3166); derived from "
                                + "the currency, time zone or language when left out", example = "KZ") String country) {
    }

    record TenantCreated(String id, String name, String currency, String timezone, String locale,
                         @Schema(description = "`ZZ` when none was sent nor could be derived") String country,
                         OffsetDateTime createdAt,
                         @Schema(description = "Its name in the customer pages' addresses (`/w/{slug}`): "
                                 + "lowercase latin letters, digits and dashes, made of the name, unique",
                                 example = "barbershop-almaty") String slug,
                         @Schema(description = "The first admin key's secret, shown in this answer only")
                         String adminApiKey) {
    }

    @PostMapping("/api/v1/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createTenant", summary = "Create a tenant with its first admin key (shown once)",
            description = "Does not accept `Idempotency-Key` (400 `idempotency_key_not_supported`, nothing "
                    + "written): the answer holds the first admin key's secret, which is stored nowhere, so it "
                    + "cannot be replayed.")
    @ApiResponse(responseCode = "201", description = "The tenant, with its first admin key shown this once")
    @ApiResponse(responseCode = "400", description = "`idempotency_key_not_supported`: the request carried "
            + "an Idempotency-Key; nothing was written")
    @ApiResponse(responseCode = "403", description = "`forbidden`: only the platform key creates tenants")
    @ApiResponse(responseCode = "422", description = "`validation_failed`: the name, currency, time zone, "
            + "language or country is not valid, each named in `errors`")
    TenantCreated create(@RequestBody @jakarta.validation.Valid CreateTenant request,
                         @Parameter(description = "Not accepted here: refused with 400 idempotency_key_not_supported")
                         @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Idempotency.refuse(idempotencyKey, NOT_REPLAYABLE);
        Tenants.Created created = tenants.create(new Tenants.NewTenant(request.name(), request.currency(),
                request.timezone(), request.locale(), request.country()));
        Tenant t = created.tenant();
        return new TenantCreated(t.id().toString(), t.name(), t.currency().getCurrencyCode(), t.timezone().getId(),
                t.locale().tag(), t.country(), t.createdAt().atZone(t.timezone()).toOffsetDateTime(),
                t.slug(), created.adminApiKey());
    }
}
