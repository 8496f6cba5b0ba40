package io.kopilka.wallet.web;

import io.kopilka.member.Member;
import io.kopilka.member.Members;
import io.kopilka.shared.Now;
import io.kopilka.tenant.Caller;
import io.kopilka.tenant.Tenants;
import io.kopilka.wallet.Wallets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Points")
class BalanceController {
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
    @Operation(summary = "Available and pending points, their value, and what expires next")
    BalanceView balance(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        Member member = members.get(caller.tenant(), id);
        return BalanceView.of(wallets.balance(caller.tenant(), member.id(), Now.of(clock)),
                tenants.get(caller.tenant()).timezone());
    }
}
