package io.kopilka.notification.web;

import io.kopilka.member.Members;
import io.kopilka.notification.TelegramLinks;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The start link a wallet or a till shows (as a link or a QR code) for a member to connect their Telegram. */
@RestController
@Tag(name = "Notifications")
class TelegramLinkController {
    private final TelegramLinks links;
    private final Members members;
    private final Tenants tenants;
    private final Idempotency idempotency;

    TelegramLinkController(TelegramLinks links, Members members, Tenants tenants, Idempotency idempotency) {
        this.links = links;
        this.members = members;
        this.tenants = tenants;
        this.idempotency = idempotency;
    }

    record TelegramLink(@Schema(description = "Opens the tenant's bot; pressing Start links the chat",
                                example = "https://t.me/barberbro_bot?start=Q2hlY2tNZUluVGhlVGVzdHNwbGVhc2U")
                        String url,
                        @Schema(description = "It works once, until then (24 hours)") OffsetDateTime expiresAt) {
    }

    @PostMapping("/api/v1/members/{id}/telegram-link")
    @Operation(operationId = "createTelegramLink",
            summary = "A one-time link (24 hours) that connects the member's Telegram chat to the tenant's bot")
    @ApiResponse(responseCode = "201", description = "The link, to show as a link or a QR code")
    @ApiResponse(responseCode = "200", description = ApiDocs.REPLAYED)
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = "`telegram_not_configured`: the tenant has no Telegram bot "
            + "(notification settings, `telegram`)\n" + ApiDocs.MEMBER_ERASED)
    ResponseEntity<TelegramLink> create(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        MemberId member = members.get(caller.tenant(), id).id();
        var zone = tenants.get(caller.tenant()).timezone();
        // A till that retries shows the same link rather than a second one.
        var outcome = idempotency.run(caller.tenant(), "telegram-link:" + member, key, member.toString(),
                TelegramLink.class, () -> {
                    var link = links.create(caller.tenant(), member);
                    return new TelegramLink(link.url(), link.expiresAt().atZone(zone).toOffsetDateTime());
                });
        return ResponseEntity.status(outcome.replayed() ? 200 : 201).body(outcome.body());
    }
}
