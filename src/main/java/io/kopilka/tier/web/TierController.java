package io.kopilka.tier.web;

import io.kopilka.shared.Money;
import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.Now;
import io.kopilka.shared.error.ApiProblem;
import io.kopilka.shared.idempotency.Idempotency;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.kopilka.tier.TierProgress;
import io.kopilka.tier.Tiers;
import io.swagger.v3.oas.annotations.Operation;
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
    private final Tiers tiers;
    private final Members members;
    private final Tenants tenants;
    private final Idempotency idempotency;
    private final Clock clock;

    TierController(Tiers tiers, Members members, Tenants tenants, Idempotency idempotency, Clock clock) {
        this.tiers = tiers;
        this.members = members;
        this.tenants = tenants;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record Assignment(String code, String reason) {
    }

    @GetMapping("/api/v1/tiers")
    @Operation(summary = "The tier ladder; no levels when the program has no tiers")
    LadderDocument get(@AuthenticationPrincipal Caller caller) {
        return LadderDocument.of(tiers.ladder(caller.tenant()), moneyScale(caller));
    }

    @PutMapping("/api/v1/tiers")
    @Operation(summary = "Replace the tier ladder; members on a removed level move to the level they reach")
    ResponseEntity<LadderDocument> put(@AuthenticationPrincipal Caller caller, @RequestBody LadderDocument request,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        int scale = moneyScale(caller);
        var outcome = idempotency.run(caller.tenant(), "tiers", key, request, LadderDocument.class,
                () -> LadderDocument.of(tiers.replace(caller.tenant(), request.toLadder(), scale, caller.actor(),
                        Now.of(clock)), scale));
        return ResponseEntity.ok(outcome.body());
    }

    @GetMapping("/api/v1/members/{id}/tier")
    @Operation(summary = "The member's level, the next one and how far it is (the balance's tier)")
    TierProgress progress(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Member member = member(caller, id);
        return tiers.progress(caller.tenant(), member.id(), Now.of(clock)).orElseThrow(TierController::noTiers);
    }

    @PutMapping("/api/v1/members/{id}/tier")
    @Operation(summary = "Put the member on a level by hand (admin); a manual level (VIP) stays until changed")
    ResponseEntity<TierProgress> assign(@AuthenticationPrincipal Caller caller, @PathVariable String id,
                                        @RequestBody Assignment request,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Member member = member(caller, id);
        if (member.erased()) {
            throw ApiProblem.conflict("member_erased", "An erased member's level cannot be changed");
        }
        var outcome = idempotency.run(caller.tenant(), "tier:" + member.id(), key, request, TierProgress.class, () -> {
            Instant now = Now.of(clock);
            tiers.assign(caller.tenant(), member.id(), request.code(), request.reason(), caller.actor(), now);
            return tiers.progress(caller.tenant(), member.id(), now).orElseThrow(TierController::noTiers);
        });
        return ResponseEntity.ok(outcome.body());
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
