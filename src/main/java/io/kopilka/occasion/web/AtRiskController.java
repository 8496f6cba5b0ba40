package io.kopilka.occasion.web;

import io.kopilka.occasion.Occasions;
import io.kopilka.shared.MemberId;
import io.kopilka.shared.Now;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Engagement")
class AtRiskController {
    private final Occasions occasions;
    private final Tenants tenants;
    private final Clock clock;

    AtRiskController(Occasions occasions, Tenants tenants, Clock clock) {
        this.occasions = occasions;
        this.tenants = tenants;
        this.clock = clock;
    }

    record AtRiskView(String memberId, @Nullable @Schema(description = "Null when the member gave none") String name,
                      @Schema(description = "The last visit, in the tenant's time zone") OffsetDateTime lastVisitAt,
                      int visits, @Schema(description = "Whole days since the last visit") long daysSince) {
    }

    record AtRiskList(List<AtRiskView> items, @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    @GetMapping("/api/v1/engagement/at-risk")
    @Operation(operationId = "listAtRiskMembers",
            summary = "Members gone past the program's win-back absence (afterDays, or their cadence), the longest "
                    + "absent first")
    @ApiResponse(responseCode = "200", description = "A page of members; a page may hold fewer than `limit` while "
            + "`nextCursor` says there is more")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `limit` is out of range, or `cursor` is "
            + "not one from this list")
    AtRiskList list(@AuthenticationPrincipal Caller caller,
                    @RequestParam(defaultValue = PageLimit.DEFAULT) int limit,
                    @RequestParam(required = false) String cursor) {
        PageLimit.check(limit);
        TimeCursor after = TimeCursor.parse(cursor);
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        var page = occasions.atRisk(caller.tenant(),
                after == null ? null : new Occasions.AtRiskCursor(after.at(), new MemberId(after.id())), limit,
                Now.of(clock));
        return new AtRiskList(page.items().stream().map(a -> new AtRiskView(a.member().toString(), a.name(),
                a.lastVisitAt().atZone(zone).toOffsetDateTime(), a.visits(), a.daysSince())).toList(),
                page.next() == null ? null : new TimeCursor(page.next().lastVisitAt(), page.next().member().value())
                        .text());
    }
}
