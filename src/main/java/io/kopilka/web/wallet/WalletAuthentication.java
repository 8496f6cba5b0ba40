package io.kopilka.web.wallet;

import io.kopilka.memberaccess.WalletMember;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request from a device signed in to a member's wallet. */
final class WalletAuthentication extends AbstractAuthenticationToken {
    private final WalletMember member;

    WalletAuthentication(WalletMember member) {
        super(List.of());
        this.member = member;
        setAuthenticated(true);
    }

    @Override
    public WalletMember getPrincipal() {
        return member;
    }

    @Override
    public Object getCredentials() {
        return null;
    }
}
