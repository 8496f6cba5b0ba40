package io.kopilka.tier.web;

import io.kopilka.audit.AuditLog;
import io.kopilka.audit.Change;
import io.kopilka.shared.Money;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.MemberTier;
import io.kopilka.tier.TierProgress;
import io.kopilka.tier.Tiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tiers")
class TierController {
    private static final String TIERS_NOT_CONFIGURED = "`tiers_not_configured`: the program has no tier ladder yet";
    private final Tiers tiers;
    private final Members members;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final Clock clock;
    private final AuditLog audit;

    TierController(Tiers tiers, Members members, Tenants tenants, Idempotency idempotency, Clock clock,
                   AuditLog audit) {
        this.audit = audit;
        this.tiers = tiers;
        this.members = members;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record Assignment(@Schema(description = "A level of the ladder", example = "vip") String code,
                      @Schema(description = "Why, up to 200 characters; shown in the member's history",
                              example = "friend of the owner") String reason) {
    }

    @GetMapping("/api/v1/tiers")
    @Operation(operationId = "getTierLadder", summary = "The tier ladder; no levels when the program has no tiers")
    @ApiResponse(responseCode = "200", description = "The ladder")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    LadderDocument get(@AuthenticationPrincipal Caller caller) {
        return LadderDocument.of(tiers.ladder(caller.tenant()), moneyScale(caller));
    }

    @PutMapping("/api/v1/tiers")
    @Operation(operationId = "replaceTierLadder",
            summary = "Replace the tier ladder; members on a removed level move to the level they reach")
    @ApiResponse(responseCode = "200", description = "The ladder as stored (a retry with the same "
            + "`Idempotency-Key` answers it again)")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: the ladder has invalid settings, each "
            + "named in `errors`")
    ResponseEntity<LadderDocument> put(@AuthenticationPrincipal Caller caller, @RequestBody LadderDocument request,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        int scale = moneyScale(caller);
        var outcome = idempotency.run(caller.tenant(), "tiers", key, request, LadderDocument.class, () -> {
            LadderDocument before = LadderDocument.of(tiers.ladder(caller.tenant()), scale);
            LadderDocument after = LadderDocument.of(tiers.replace(caller.tenant(), request.toLadder(), scale,
                    caller.actor(), Now.of(clock)), scale);
            audit.record(caller, new Change("tiers.replaced", "tiers", null, before, after, null));
            return after;
        });
        return ResponseEntity.ok(outcome.body());
    }

    @GetMapping("/api/v1/members/{id}/tier")
    @Operation(operationId = "getMemberTier",
            summary = "The member's level, the next one and how far it is (the balance's tier)")
    @ApiResponse(responseCode = "200", description = "The member's level and progress")
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND + "\n" + TIERS_NOT_CONFIGURED)
    TierProgress progress(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Member member = member(caller, id);
        return tiers.progress(caller.tenant(), member.id(), Now.of(clock)).orElseThrow(TierController::noTiers);
    }

    @PutMapping("/api/v1/members/{id}/tier")
    @Operation(operationId = "assignMemberTier",
            summary = "Put the member on a level by hand (admin); a manual level (VIP) stays until changed")
    @ApiResponse(responseCode = "200", description = "The member's level and progress after the change")
    @ApiResponse(responseCode = "403", description = ApiDocs.ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    @ApiResponse(responseCode = "409", description = ApiDocs.MEMBER_ERASED + "\n" + TIERS_NOT_CONFIGURED)
    @ApiResponse(responseCode = "422", description = "`validation_failed`: `code` is no level of the ladder, or "
            + "`reason` is missing or too long")
    ResponseEntity<TierProgress> assign(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                        @RequestBody Assignment request,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Member member = member(caller, id);
        if (member.erased()) {
            throw ApiProblem.conflict("member_erased", "An erased member's level cannot be changed");
        }
        var outcome = idempotency.run(caller.tenant(), "tier:" + member.id(), key, request, TierProgress.class, () -> {
            Instant now = Now.of(clock);
            AssignedLevel before = tiers.current(caller.tenant(), member.id()).map(AssignedLevel::of).orElse(null);
            AssignedLevel after = AssignedLevel.of(tiers.assign(caller.tenant(), member.id(), request.code(),
                    request.reason(), caller.actor(), now));
            if (before == null || !before.code().equals(after.code())) { // on it already: nothing changed
                audit.record(caller, new Change("member.tier_assigned", "member", member.id().toString(), before,
                        after, request.reason().strip()));
            }
            return tiers.progress(caller.tenant(), member.id(), now).orElseThrow(TierController::noTiers);
        });
        return ResponseEntity.ok(outcome.body());
    }

    /** A member's level as the audit log keeps it. */
    record AssignedLevel(String code, String name, boolean manual) {
        static AssignedLevel of(MemberTier tier) {
            return new AssignedLevel(tier.level().code(), tier.level().name(), tier.manual());
        }
    }

    static ApiProblem noTiers() {
        return new ApiProblem(404, "tiers_not_configured", "This program has no tier ladder yet");
    }

    private Member member(Caller caller, String id) {
        return members.get(caller.tenant(), id);
    }

    private int moneyScale(Caller caller) {
        return Money.scaleOf(tenants.get(caller.tenant()).currency());
    }
}
