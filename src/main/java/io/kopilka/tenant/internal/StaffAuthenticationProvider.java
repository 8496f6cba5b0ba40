package io.kopilka.tenant.internal;

import io.kopilka.tenant.StaffAccounts;
import io.kopilka.tenant.StaffAccounts.SignIn;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The sign-in form's check: the account's lock-out is {@link StaffAccounts}', and an address that
 * sends many wrong passwords is slowed down by the same limit as wrong API keys.
 */
final class StaffAuthenticationProvider implements AuthenticationProvider {
    private final StaffAccounts accounts;
    private final RateLimits limits;

    StaffAuthenticationProvider(StaffAccounts accounts, RateLimits limits) {
        this.accounts = accounts;
        this.limits = limits;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "?";
        if (limits.authBlocked(address) > 0) {
            throw new LockedException("address");
        }
        SignIn result = accounts.signIn(authentication.getName(), String.valueOf(authentication.getCredentials()));
        return switch (result) {
            case SignIn.Accepted a -> new StaffAuthentication(a.staff(), a.epoch());
            case SignIn.Locked l -> throw new LockedException("account");
            case SignIn.Refused r -> {
                limits.authFailed(address);
                throw new BadCredentialsException("refused");
            }
        };
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
