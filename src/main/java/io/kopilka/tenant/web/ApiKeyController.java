package io.kopilka.tenant.web;

import io.kopilka.shared.Ids;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.ApiKey;
import io.kopilka.tenant.ApiKeys;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Role;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keys for tills and admins. Creating a key is deliberately not replayable by Idempotency-Key: the
 * answer holds the secret, and the secret is never stored anywhere, only its hash. A request that
 * sends a key is refused rather than run without the safety its sender counts on.
 */
@RestController
@Tag(name = "API keys")
class ApiKeyController {
    private static final String NOT_REPLAYABLE = "POST /api/v1/api-keys does not accept Idempotency-Key: its answer holds "
            + "the new key's secret, which is shown once and stored nowhere (only its hash is kept), so it "
            + "cannot be replayed. Send the request without the header; if an answer is lost, revoke that key "
            + "(found by its name in GET /api/v1/api-keys) and create another.";

    private final ApiKeys keys;
    private final Tenants tenants;
    private final Idempotency idempotency;

    ApiKeyController(ApiKeys keys, Tenants tenants, Idempotency idempotency) {
        this.keys = keys;
        this.tenants = tenants;
        this.idempotency = idempotency;
    }

    record CreateKey(@NotBlank @Size(max = 200) @Schema(example = "Till 1") String name,
                     @NotBlank @Schema(allowableValues = {"admin", "pos"}) String role,
                     @Nullable @Schema(description = "For a pos key: the one store whose sales it may record; "
                             + "left out, every store") String storeCode) {
    }

    record KeyCreated(String id, @Schema(description = "The key's secret, shown in this answer only") String key,
                      String name, String role, @Nullable String storeCode) {
    }

    record KeyView(String id, String name, String role, @Nullable String storeCode,
                   @Schema(description = "\"…\" and the key's last six characters, to tell keys apart") String hint,
                   OffsetDateTime createdAt, @Nullable OffsetDateTime revokedAt) {
        static KeyView of(ApiKey k, ZoneId zone) {
            return new KeyView(k.id().toString(), k.name(), k.role().code(), k.storeCode(), k.hint(),
                    k.createdAt().atZone(zone).toOffsetDateTime(),
                    k.revokedAt() == null ? null : k.revokedAt().atZone(zone).toOffsetDateTime());
        }
    }

    record KeyList(List<KeyView> items, @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    @PostMapping("/api/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createApiKey", summary = "Create a key (admin or pos); the key text is shown once",
            description = "Does not accept `Idempotency-Key` (400 `idempotency_key_not_supported`, nothing "
                    + "written): the answer holds the key's secret, which is stored nowhere, so it cannot be "
                    + "replayed. If an answer is lost, revoke the key found by its name in the list and create "
                    + "another.")
    @ApiResponse(responseCode = "201", description = "The key, with its secret shown this once")
    @ApiResponse(responseCode = "400", description = "`idempotency_key_not_supported`: the request carried "
            + "an Idempotency-Key; nothing was written")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: the name is empty or too long, the "
            + "role is not admin or pos, or no store has the `storeCode`")
    KeyCreated create(@AuthenticationPrincipal Caller caller, @RequestBody @Valid CreateKey request,
                      @Parameter(description = "Not accepted here: refused with 400 idempotency_key_not_supported")
                      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Idempotency.refuse(idempotencyKey, NOT_REPLAYABLE);
        Role role = Role.fromCode(request.role())
                .orElseThrow(() -> ApiProblem.invalid("role", "must be admin or pos"));
        ApiKeys.Issued issued = keys.issue(caller, request.name(), role, request.storeCode());
        return new KeyCreated(issued.key().id().toString(), issued.secret(), issued.key().name(), role.code(),
                issued.key().storeCode());
    }

    @GetMapping("/api/v1/api-keys")
    @Operation(operationId = "listApiKeys",
            summary = "The tenant's keys, oldest first, paged with a cursor; never their secrets")
    @ApiResponse(responseCode = "200", description = "A page of keys")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    KeyList list(@AuthenticationPrincipal Caller caller,
                 @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                 @RequestParam(required = false) String cursor) {
        PageLimit.check(limit);
        TimeCursor after = TimeCursor.parse(cursor);
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        Page<KeyView> page = Page.of(limit, n -> keys.page(caller.tenant(), after == null ? null : after.at(),
                        after == null ? null : after.id(), n),
                k -> KeyView.of(k, zone), k -> new TimeCursor(k.createdAt(), k.id()).text());
        return new KeyList(page.items(), page.nextCursor());
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key; it stops working at once")
    @ApiResponse(responseCode = "204", description = "Revoked (or it already was)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = "`not_found`: no key with this id in the tenant")
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        UUID keyId = Ids.parse(id).orElseThrow(() -> ApiProblem.notFound("API key"));
        idempotency.runWithoutBody(caller.tenant(), "api-key-revoke", idempotencyKey, keyId,
                () -> keys.revoke(caller, keyId));
    }
}
