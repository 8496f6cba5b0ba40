package io.kopilka.badge.web;

import io.kopilka.badge.Badges;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Language;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A member's badges, for the till and the wallet: each once, in the reader's language. */
@RestController
@Tag(name = "Badges")
class BadgeController {
    private final Badges badges;
    private final Members members;
    private final Tenants tenants;

    BadgeController(Badges badges, Members members, Tenants tenants) {
        this.badges = badges;
        this.members = members;
        this.tenants = tenants;
    }

    record BadgeView(@Schema(description = "first_visit, tenth_visit, new_level_<level code>, or a challenge's "
                             + "badge") String code,
                     @Schema(description = "In the reader's language, as named when it was earned") String name,
                     OffsetDateTime earnedAt,
                     @Schema(allowableValues = {"challenge", "milestone", "tier"}) String source) {
    }

    @GetMapping("/api/v1/members/{id}/badges")
    @Operation(operationId = "listMemberBadges",
            summary = "The member's badges, newest first; lang overrides the member's language for the names")
    @ApiResponse(responseCode = "200", description = "Every badge the member has earned")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `lang` is not ru, kk or en")
    List<BadgeView> list(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                         @RequestParam(required = false) String lang) {
        Member member = members.get(caller.tenant(), id);
        Language language = Language.requested(lang, member.locale());
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        return badges.of(caller.tenant(), member.id()).stream()
                .map(b -> new BadgeView(b.code(), b.name().in(language.tag()), b.earnedAt().atZone(zone)
                        .toOffsetDateTime(), b.source()))
                .toList();
    }
}
