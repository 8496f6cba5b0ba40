package io.kopilka.webhook.web;

import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.CursorText;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.kopilka.webhook.SubscriptionChange;
import io.kopilka.webhook.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions (admin keys only) and their deliveries. */
@RestController
@Tag(name = "Webhooks")
class WebhookController {
    private static final String NOT_FOUND = "`not_found`: no webhook with this id in the tenant";
    private static final String INVALID = "`validation_failed`: `url` is missing, not an absolute http(s) URL, "
            + "carries a user name, or is too long; `events` is empty, repeats a type or names an unknown one; "
            + "`description` is too long\n`webhook_url_not_allowed`: the URL's host does not resolve, or resolves "
            + "to a loopback, private, link-local, shared (CGNAT), multicast or unspecified address";

    private final Webhooks webhooks;
    private final Tenants tenants;
    private final Idempotency idempotency;

    WebhookController(Webhooks webhooks, Tenants tenants, Idempotency idempotency) {
        this.webhooks = webhooks;
        this.tenants = tenants;
        this.idempotency = idempotency;
    }

    record NewWebhook(@Schema(example = "https://crm.example.com/hooks") String url,
                      @Schema(example = "[\"purchase.created\", \"points.expiring\"]", description = "Event types, "
                              + "or `*` for all") List<String> events,
                      @Nullable @Schema(description = "Up to 200 characters") String description) {
    }

    record WebhookPatch(@Nullable String url, @Nullable List<String> events, @Nullable String description,
                        @Nullable @Schema(description = "false disables it; true enables it again and clears its "
                                + "failures") Boolean enabled) {
    }

    record WebhookList(List<WebhookView> items, @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    record DeliveryList(List<DeliveryView> items,
                        @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    @PostMapping("/api/v1/webhooks")
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to events (admin); the answer carries the "
            + "signing secret, shown only here")
    @ApiResponse(responseCode = "201", description = "The subscription, with its secret")
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = INVALID)
    ResponseEntity<WebhookView> create(@AuthenticationPrincipal Caller caller, @RequestBody NewWebhook request,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        var outcome = idempotency.run(caller.tenant(), "webhooks", key, request, WebhookView.class, () -> {
            var created = webhooks.create(caller, request.url(), request.events(), request.description());
            return WebhookView.of(created.subscription(), created.secret(), zone(caller));
        });
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }

    @GetMapping("/api/v1/webhooks")
    @Operation(operationId = "listWebhooks", summary = "The tenant's webhook subscriptions, oldest first, paged "
            + "with a cursor (admin)")
    @ApiResponse(responseCode = "200", description = "A page of subscriptions (without their secrets)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `limit` or `cursor` is invalid")
    WebhookList list(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                     @RequestParam(required = false) String cursor) {
        PageLimit.check(limit);
        UUID after = CursorText.parse(cursor, 1, p -> UUID.fromString(p[0]));
        ZoneId zone = zone(caller);
        Page<WebhookView> page = Page.of(limit, n -> webhooks.page(caller.tenant(), after, n),
                s -> WebhookView.of(s, null, zone), s -> CursorText.of(s.id()));
        return new WebhookList(page.items(), page.nextCursor());
    }

    @GetMapping("/api/v1/webhooks/{id}")
    @Operation(operationId = "getWebhook", summary = "A webhook subscription: its status, why it was disabled, "
            + "since when it fails (admin)")
    @ApiResponse(responseCode = "200", description = "The subscription (without its secret)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    WebhookView get(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return WebhookView.of(webhooks.get(caller.tenant(), id), null, zone(caller));
    }

    @PatchMapping("/api/v1/webhooks/{id}")
    @Operation(operationId = "updateWebhook", summary = "Change a subscription's URL, events or description, "
            + "disable it, or enable it again (admin)")
    @ApiResponse(responseCode = "200", description = "The subscription as stored")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "422", description = INVALID)
    WebhookView update(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                       @RequestBody WebhookPatch request,
                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return idempotency.run(caller.tenant(), "webhook-update:" + id, key, request, WebhookView.class,
                () -> WebhookView.of(webhooks.update(caller, id, new SubscriptionChange(request.url(),
                        request.events(), request.description(), request.enabled())), null, zone(caller))).body();
    }

    @DeleteMapping("/api/v1/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription and its deliveries (admin)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        idempotency.runWithoutBody(caller.tenant(), "webhook-delete", key, id, () -> webhooks.delete(caller, id));
    }

    @PostMapping("/api/v1/webhooks/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "A new signing secret (admin); for 24 hours every "
            + "delivery is signed with the old one too")
    @ApiResponse(responseCode = "200", description = "The subscription with its new secret")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    WebhookView rotate(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return idempotency.run(caller.tenant(), "webhook-rotate:" + id, key, id, WebhookView.class, () -> {
            var rotated = webhooks.rotateSecret(caller, id);
            return WebhookView.of(rotated.subscription(), rotated.secret(), zone(caller));
        }).body();
    }

    @GetMapping("/api/v1/webhooks/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A subscription's deliveries, newest first, with "
            + "their attempts (admin)")
    @ApiResponse(responseCode = "200", description = "A page of deliveries")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `limit` or `cursor` is invalid")
    DeliveryList deliveries(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                            @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                            @RequestParam(required = false) String cursor) {
        PageLimit.check(limit);
        UUID before = CursorText.parse(cursor, 1, p -> UUID.fromString(p[0]));
        ZoneId zone = zone(caller);
        Page<DeliveryView> page = Page.of(limit, n -> webhooks.deliveries(caller.tenant(), id, before, n),
                d -> DeliveryView.of(d, zone), d -> CursorText.of(d.id()));
        return new DeliveryList(page.items(), page.nextCursor());
    }

    @PostMapping("/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "retryWebhookDelivery", summary = "Queue a delivery again now, even one that failed "
            + "for good, with a fresh 24 hours of attempts (admin)")
    @ApiResponse(responseCode = "202", description = "Queued: the delivery as it now stands")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = NOT_FOUND + ", or no such delivery of it")
    DeliveryView retry(@AuthenticationPrincipal Caller caller, @PathVariable String id, @PathVariable String deliveryId,
                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return idempotency.run(caller.tenant(), "webhook-retry:" + id, key, deliveryId, DeliveryView.class,
                () -> DeliveryView.of(webhooks.retry(caller, id, deliveryId), zone(caller))).body();
    }

    private ZoneId zone(Caller caller) {
        return tenants.get(caller.tenant()).timezone();
    }
}
