package io.kopilka.tenant.web;

import io.kopilka.shared.Ids;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.ApiKey;
import io.kopilka.tenant.ApiKeys;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Role;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keys for tills and admins. Creating a key is deliberately not replayable by Idempotency-Key: the
 * answer holds the secret, and the secret is never stored anywhere, only its hash.
 */
@RestController
@Tag(name = "API keys")
class ApiKeyController {
    private final ApiKeys keys;
    private final Tenants tenants;

    ApiKeyController(ApiKeys keys, Tenants tenants) {
        this.keys = keys;
        this.tenants = tenants;
    }

    record CreateKey(@NotBlank @Size(max = 200) String name, @NotBlank String role, String storeCode) {
    }

    record KeyCreated(String id, String key, String name, String role, String storeCode) {
    }

    record KeyView(String id, String name, String role, String storeCode, String hint, OffsetDateTime createdAt,
                   OffsetDateTime revokedAt) {
        static KeyView of(ApiKey k, ZoneId zone) {
            return new KeyView(k.id().toString(), k.name(), k.role().code(), k.storeCode(), k.hint(),
                    k.createdAt().atZone(zone).toOffsetDateTime(),
                    k.revokedAt() == null ? null : k.revokedAt().atZone(zone).toOffsetDateTime());
        }
    }

    record KeyList(List<KeyView> items, String nextCursor) {
    }

    @PostMapping("/api/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a key (admin or pos); the key text is shown once")
    KeyCreated create(@AuthenticationPrincipal Caller caller, @RequestBody @Valid CreateKey request) {
        Role role = Role.fromCode(request.role())
                .orElseThrow(() -> ApiProblem.invalid("role", "must be admin or pos"));
        ApiKeys.Issued issued = keys.issue(caller.tenant(), request.name(), role, request.storeCode());
        return new KeyCreated(issued.key().id().toString(), issued.secret(), issued.key().name(), role.code(),
                issued.key().storeCode());
    }

    @GetMapping("/api/v1/api-keys")
    @Operation(summary = "The tenant's keys, oldest first, paged with a cursor; never their secrets")
    KeyList list(@AuthenticationPrincipal Caller caller,
                 @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                 @RequestParam(required = false) String cursor) {
        PageLimit.check(limit);
        TimeCursor after = TimeCursor.parse(cursor);
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        List<ApiKey> page = keys.page(caller.tenant(), after == null ? null : after.at(),
                after == null ? null : after.id(), limit + 1);
        List<KeyView> items = page.stream().limit(limit).map(k -> KeyView.of(k, zone)).toList();
        String next = null;
        if (page.size() > limit) {
            ApiKey last = page.get(limit - 1);
            next = new TimeCursor(last.createdAt(), last.id()).text();
        }
        return new KeyList(items, next);
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        keys.revoke(caller.tenant(), Ids.parse(id).orElseThrow(() -> ApiProblem.notFound("API key")));
    }
}
