package io.kopilka.member.web;

import io.kopilka.member.ConsentChange;
import io.kopilka.member.Consents;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What a member agreed to, and when, how and from where each consent was given or withdrawn. */
@RestController
@Tag(name = "Members")
class ConsentController {
    private final Members members;
    private final Consents consents;
    private final Tenants tenants;

    ConsentController(Members members, Consents consents, Tenants tenants) {
        this.members = members;
        this.consents = consents;
        this.tenants = tenants;
    }

    record ConsentHistory(String memberId,
                          @Schema(description = "The consents now, as in the member record") Map<String, Boolean> consents,
                          @Schema(description = "Newest first") List<ConsentChangeView> history,
                          @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    record ConsentChangeView(String id, @Schema(description = "The consent's key", example = "sms") String channel,
                      boolean granted, OffsetDateTime at,
                      @Schema(description = "How: api, telegram, unsubscribe_link, erasure, system, …",
                              example = "api") String source,
                      @Schema(description = "Where from: the key (keyName, keyId), ip, userAgent, chatId; "
                              + "emptied when the member is erased") Map<String, String> detail) {
        static ConsentChangeView of(ConsentChange c, ZoneId zone) {
            return new ConsentChangeView(c.id().toString(), c.channel(), c.granted(), c.at().atZone(zone).toOffsetDateTime(),
                    c.source(), c.detail());
        }
    }

    @GetMapping("/api/v1/members/{id}/consents")
    @Operation(operationId = "getMemberConsents",
            summary = "A member's consents and their history (when, how and from where each was given or "
                    + "withdrawn), newest first, paged with a cursor")
    @ApiResponse(responseCode = "200", description = "The consents and a page of their history")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: a `limit` out of range or a `cursor` "
            + "that is no cursor")
    ConsentHistory get(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                       @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                       @RequestParam(required = false) String cursor) {
        PageLimit.check(limit);
        TimeCursor after = TimeCursor.parse(cursor);
        Member member = members.get(caller.tenant(), id);
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        Page<ConsentChangeView> page = Page.of(limit, n -> consents.history(caller.tenant(), member.id(),
                        after == null ? null : after.at(), after == null ? null : after.id(), n),
                c -> ConsentChangeView.of(c, zone), c -> new TimeCursor(c.at(), c.id()).text());
        return new ConsentHistory(member.id().toString(), member.consents(), page.items(), page.nextCursor());
    }
}
