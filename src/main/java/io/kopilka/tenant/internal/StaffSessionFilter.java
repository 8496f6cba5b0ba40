package io.kopilka.tenant.internal;

import io.kopilka.tenant.StaffAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose account has moved on: deactivated, signed out everywhere, its password set
 * again or its role changed (each raises the account's session number). Otherwise the request runs
 * as the account is now, not as it was at sign-in. One primary-key read per screen request.
 */
final class StaffSessionFilter extends OncePerRequestFilter {
    private final StaffAccounts accounts;

    StaffSessionFilter(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext context = SecurityContextHolder.getContext();
        if (context.getAuthentication() instanceof StaffAuthentication signedIn) {
            var now = accounts.session(signedIn.getPrincipal().tenant(), signedIn.getPrincipal().id())
                    .filter(s -> s.staff().active() && s.epoch() == signedIn.epoch());
            if (now.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else {
                SecurityContext fresh = SecurityContextHolder.createEmptyContext();
                fresh.setAuthentication(new StaffAuthentication(now.get().staff(), now.get().epoch()));
                SecurityContextHolder.setContext(fresh);
            }
        }
        chain.doFilter(request, response);
    }
}
