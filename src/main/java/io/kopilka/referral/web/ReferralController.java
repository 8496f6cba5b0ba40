package io.kopilka.referral.web;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.referral.Referrals;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenant;
import io.kopilka.tenant.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Members")
class ReferralController {
    private static final String EXAMPLE = """
            {"code": "K7M2QX9P", "link": "/w/barber-bro/join?ref=K7M2QX9P",
             "invited": [{"memberId": "0194f0c2-7d3a-7b1e-9a51-3c2f4e8d9b10", "joinedAt": "2026-11-30T12:00:00+05:00",
                          "status": "rewarded"}],
             "pointsEarned": 500}""";
    private final Referrals referrals;
    private final Members members;
    private final Tenants tenants;

    ReferralController(Referrals referrals, Members members, Tenants tenants) {
        this.referrals = referrals;
        this.members = members;
        this.tenants = tenants;
    }

    record InvitedView(String memberId, OffsetDateTime joinedAt,
                       @Schema(allowableValues = {"joined", "rewarded", "capped", "cancelled", "self_referral"},
                               description = "joined: no qualifying purchase yet; rewarded: both got points; "
                                       + "capped: over the month's cap, nothing given; cancelled: the qualifying "
                                       + "purchase was returned before its points were available; self_referral: "
                                       + "the friend has the member's e-mail, nothing given")
                       String status) {
    }

    record ReferralsView(@Schema(description = "The member's referral code") String code,
                         @Nullable @Schema(description = "The join page's address with the code, relative to the "
                                 + "installation; null for an erased member, whose code invites nobody")
                         String link,
                         @Schema(description = "The friends who joined with the code, newest first")
                         List<InvitedView> invited,
                         @Schema(description = "Points the member got for friends, less those cancelled")
                         long pointsEarned) {
    }

    @GetMapping("/api/v1/members/{id}/referrals")
    @Operation(operationId = "getReferrals", summary = "A member's referral code and link, the friends they "
            + "invited and what it earned them")
    @ApiResponse(responseCode = "200", description = "The member's referrals",
            content = @Content(schema = @Schema(implementation = ReferralsView.class),
                    examples = @ExampleObject(name = "referrals", value = EXAMPLE)))
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    ReferralsView referrals(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Member member = members.get(caller.tenant(), id);
        Tenant tenant = tenants.get(caller.tenant());
        Referrals.Summary summary = referrals.of(caller.tenant(), member.id());
        String link = member.erased() ? null : "/w/" + tenant.slug() + "/join?ref="
                + URLEncoder.encode(member.referralCode(), StandardCharsets.UTF_8);
        return new ReferralsView(member.referralCode(), link, summary.invited().stream()
                .map(i -> new InvitedView(i.memberId().toString(),
                        i.joinedAt().atZone(tenant.timezone()).toOffsetDateTime(), i.status().code()))
                .toList(), summary.pointsEarned());
    }
}
