package io.kopilka.engagement.web;

import io.kopilka.engagement.ChallengeDraft;
import io.kopilka.engagement.Challenges;
import io.kopilka.engagement.MemberChallenge;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.Now;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A member's stamp cards, for a till or an app. */
@RestController
@Tag(name = "Challenges")
class MemberChallengeController {
    private final Challenges challenges;
    private final Members members;
    private final Tenants tenants;
    private final Clock clock;

    MemberChallengeController(Challenges challenges, Members members, Tenants tenants, Clock clock) {
        this.challenges = challenges;
        this.members = members;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Schema(name = "MemberChallenge")
    record MemberChallengeView(String challengeId,
                               @Schema(description = "In the member's language") String name,
                               @Schema(description = "Counted now, head start included: visits or items, or the "
                                       + "spend (money)") String progress,
                               String target,
                               @Nullable @Schema(description = "When the oldest counted purchase falls out of the "
                                       + "window; null without a window or before the first") OffsetDateTime windowEndsAt,
                               @Schema(description = "How often the member completed it") int completions) {

        static MemberChallengeView of(MemberChallenge c, String language, ZoneId zone) {
            return new MemberChallengeView(c.challengeId().toString(), c.name().in(language), text(c, c.progress()),
                    text(c, c.target()),
                    c.windowEndsAt() == null ? null : c.windowEndsAt().atZone(zone).toOffsetDateTime(), c.completions());
        }

        private static String text(MemberChallenge c, BigDecimal value) {
            return c.metric() == ChallengeDraft.Metric.SPEND
                    ? value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                    : value.stripTrailingZeros().toPlainString();
        }
    }

    @GetMapping("/api/v1/members/{id}/challenges")
    @Operation(operationId = "memberChallenges", summary = "The member's progress on each active challenge")
    @ApiResponse(responseCode = "200", description = "One card per active challenge of the tenant")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    List<MemberChallengeView> list(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Member member = members.get(caller.tenant(), id);
        ZoneId zone = tenants.get(caller.tenant()).timezone();
        String language = member.locale().tag();
        return challenges.ofMember(caller.tenant(), member.id(), Now.of(clock)).stream()
                .map(c -> MemberChallengeView.of(c, language, zone)).toList();
    }
}
