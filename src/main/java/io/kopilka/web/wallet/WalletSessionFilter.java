package io.kopilka.web.wallet;

import io.kopilka.memberaccess.WalletAccess;
import io.kopilka.memberaccess.WalletMember;
import io.kopilka.tenant.Tenants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the wallet cookie of the business the address names and, while its session is valid, runs
 * the request as that member. Nothing is kept in a server session: every request asks the table
 * (one look-up by primary key), so a revoked session (sign-out, erasure) ends at once everywhere.
 */
final class WalletSessionFilter extends OncePerRequestFilter {
    private final WalletAccess access;
    private final Tenants tenants;

    WalletSessionFilter(WalletAccess access, Tenants tenants) {
        this.access = access;
        this.tenants = tenants;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        WalletCookie.read(request).ifPresent(token -> WalletCookie.slugOf(request.getRequestURI())
                .flatMap(tenants::bySlug)
                .flatMap(tenant -> access.session(tenant.id(), token)
                        .map(member -> new WalletMember(tenant.id(), tenant.slug(), member)))
                .ifPresent(member -> {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(new WalletAuthentication(member));
                    SecurityContextHolder.setContext(context);
                }));
        chain.doFilter(request, response);
    }
}
