package io.kopilka.tier.web;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.shared.web.Page;
import io.kopilka.shared.web.PageLimit;
import io.kopilka.shared.web.TimeCursor;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.Ladder;
import io.kopilka.tier.Level;
import io.kopilka.tier.TierHistoryEntry;
import io.kopilka.tier.TierMessages;
import io.kopilka.tier.Tiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's changes of level, newest first, each with its reason in the member's language. */
@RestController
@Tag(name = "Tiers")
class TierHistoryController {
    private final Tiers tiers;
    private final Members members;
    private final Tenants tenants;

    TierHistoryController(Tiers tiers, Members members, Tenants tenants) {
        this.tiers = tiers;
        this.members = members;
        this.tenants = tenants;
    }

    /**
     * @param reason  machine-readable: qualified, grace_ended, assigned, level_removed
     * @param message the reason as a sentence for the customer (ru, kk or en)
     * @param note    the admin's own words, for an assignment
     */
    record TierChangeView(String id, @Schema(description = "The level's code before") String from,
                      @Schema(description = "Its name today; its code if it was removed") String fromName, String to,
                      String toName,
                      @Schema(allowableValues = {"qualified", "grace_ended", "assigned", "level_removed"}) String reason,
                      @Schema(description = "The reason as a sentence for the customer") String message,
                      @Nullable @Schema(description = "The admin's own words, for an assignment") String note,
                      @Schema(description = "`key:<id>` of the API key, or `system`") String actor,
                      @Nullable @Schema(description = "The purchase that crossed the threshold") String purchaseId,
                      OffsetDateTime at) {
    }

    record TierHistoryPage(List<TierChangeView> items,
                           @Nullable @Schema(description = ApiDocs.NEXT_CURSOR) String nextCursor) {
    }

    @GetMapping("/api/v1/members/{id}/tier/history")
    @Operation(operationId = "getMemberTierHistory", summary = "The member's changes of level, newest first, paged "
            + "with a cursor; lang overrides the member's language")
    @ApiResponse(responseCode = "200", description = "A page of changes")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `lang` is not ru, kk or en")
    TierHistoryPage history(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                    @RequestParam(defaultValue = PageLimit.DEFAULT) int limit, @RequestParam(required = false) String cursor,
                    @RequestParam(required = false) String lang) {
        Member member = members.get(caller.tenant(), id);
        PageLimit.check(limit);
        Language language = Language.requested(lang, member.locale());
        TimeCursor after = TimeCursor.parse(cursor);
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        Ladder ladder = tiers.ladder(caller.tenant());
        Page<TierChangeView> page = Page.of(limit, n -> tiers.history(caller.tenant(), member.id(),
                        after == null ? null : after.at(), after == null ? null : after.id(), n),
                e -> view(e, ladder, language, zone), e -> new TimeCursor(e.at(), e.id()).text());
        return new TierHistoryPage(page.items(), page.nextCursor());
    }

    private static TierChangeView view(TierHistoryEntry e, Ladder ladder, Language language, ZoneId zone) {
        String fromName = name(ladder, e.fromCode());
        String toName = name(ladder, e.toCode());
        return new TierChangeView(e.id().toString(), e.fromCode(), fromName, e.toCode(), toName, e.reason().code(),
                TierMessages.line(e.reason(), language, fromName, toName), e.note(), e.actor(),
                e.purchaseId() == null ? null : e.purchaseId().toString(), e.at().atZone(zone).toOffsetDateTime());
    }

    /** The level's name today; a level since removed from the ladder is shown by its code. */
    private static String name(Ladder ladder, String code) {
        return ladder.level(code).map(Level::name).orElse(code);
    }
}
