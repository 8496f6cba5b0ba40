package io.kopilka.tenant.internal;

import io.kopilka.tenant.ApiKeys;
import io.kopilka.tenant.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <key>} and, for a valid key, puts its {@link Caller} (or the
 * platform role) into the security context. A missing or wrong key leaves the request anonymous;
 * the access rules then answer 401.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    private final ApiKeys keys;
    private final PlatformKey platform;

    ApiKeyAuthenticationFilter(ApiKeys keys, PlatformKey platform) {
        this.keys = keys;
        this.platform = platform;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = header.substring(7).trim();
            keys.authenticate(key).ifPresentOrElse(
                    caller -> authenticate(new Authenticated(caller, "ROLE_" + caller.role().name())),
                    () -> {
                        if (platform.matches(key)) {
                            authenticate(new Authenticated(null, "ROLE_PLATFORM"));
                        }
                    });
        }
        chain.doFilter(request, response);
    }

    private static void authenticate(Authenticated authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }

    /** The authentication of a request: its principal is the {@link Caller}, null for the platform key. */
    static final class Authenticated extends AbstractAuthenticationToken {
        private final Caller caller;

        Authenticated(Caller caller, String role) {
            super(List.of(new SimpleGrantedAuthority(role)));
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }
    }
}
