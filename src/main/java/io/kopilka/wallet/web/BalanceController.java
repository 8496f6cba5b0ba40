package io.kopilka.wallet.web;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.Now;
import io.kopilka.shared.web.ApiDocs;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.kopilka.wallet.Wallets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Points")
class BalanceController {
    private static final String EXAMPLE = """
            {"available": 355, "pending": 0, "value": "355.00",
             "expiring": [{"points": 317, "expiresAt": "2027-11-23T18:28:26.353164+05:00"},
                          {"points": 38, "expiresAt": "2027-11-23T18:28:26.588285+05:00"}],
             "tier": {"code": "silver", "name": "Silver", "nextTier": "gold", "progress": "0.64",
                      "remaining": "3600.00"},
             "goal": {"name": "Бесплатная стрижка", "targetPoints": 3000, "progress": "0.11", "remaining": 2645,
                      "rewardId": "0194f0c2-7d3a-7b1e-9a51-3c2f4e8d9b10"}}""";
    private final Wallets wallets;
    private final Members members;
    private final Tenants tenants;
    private final Clock clock;

    BalanceController(Wallets wallets, Members members, Tenants tenants, Clock clock) {
        this.wallets = wallets;
        this.members = members;
        this.tenants = tenants;
        this.clock = clock;
    }

    @GetMapping("/api/v1/members/{id}/balance")
    @Operation(operationId = "getBalance", summary = "Available and pending points, their value, and what expires next")
    @ApiResponse(responseCode = "200", description = "The balance",
            content = @Content(schema = @Schema(implementation = BalanceView.class),
                    examples = @ExampleObject(name = "balance", value = EXAMPLE)))
    @ApiResponse(responseCode = "404", description = ApiDocs.MEMBER_NOT_FOUND)
    BalanceView balance(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Member member = members.get(caller.tenant(), id);
        return BalanceView.of(wallets.balance(caller.tenant(), member.id(), Now.of(clock)),
                tenants.get(caller.tenant()).timezone(), member.locale().tag());
    }
}
